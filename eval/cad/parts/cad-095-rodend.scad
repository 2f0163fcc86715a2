// cad-095-rodend: rod_end stock (turned edges), label +X
// features: +X countersink; +X 4 holes; +X 6 holes; +X countersink
// removed mm^3: px=4760.511 mx=0.000 py=0.000 my=0.000 pz=0.000 mz=0.000
// margin: label blind 4760.511 >= 1.50 x 0.000 (through holes counted for both sides)
// written by eval/cad/recipes.py (seed 17); built by eval/cad/eval.mk
include <../lib.scad>
$fn = 40;
place([264.25, 31.95, 20.07], [[0, 0, 1], [-1, 0, 0], [0, -1, 0]])
part() {
	rod_z(35.65, 77.23);
	face([0, 0, 77.23], [1, 0, 0], [0, 1, 0], [0, 0, 1]) translate([-19.71, -7.27, 0]) csink(8.10, 3.88, 4.22, 34.19);  // +X 1904.924
	face([0, 0, 77.23], [1, 0, 0], [0, 1, 0], [0, 0, 1]) translate([5.66, 5.13, 0]) { translate([-3.10, -3.93, 0]) hole(1.92, 31.81); translate([-3.10, 3.93, 0]) hole(1.92, 31.81); translate([3.10, -3.93, 0]) hole(1.92, 31.81); translate([3.10, 3.93, 0]) hole(1.92, 31.81); };  // +X 1467.535
	face([0, 0, 77.23], [1, 0, 0], [0, 1, 0], [0, 0, 1]) translate([11.66, -16.95, 0]) { translate([-4.09, -7.61, 0]) hole(1.73, 19.73); translate([-4.09, 0.00, 0]) hole(1.73, 19.73); translate([-4.09, 7.61, 0]) hole(1.73, 19.73); translate([4.09, -7.61, 0]) hole(1.73, 19.73); translate([4.09, 0.00, 0]) hole(1.73, 19.73); translate([4.09, 7.61, 0]) hole(1.73, 19.73); };  // +X 1108.493
	face([0, 0, 77.23], [1, 0, 0], [0, 1, 0], [0, 0, 1]) translate([-11.19, 17.95, 0]) csink(4.54, 2.46, 2.09, 12.50);  // +X 279.558
}
