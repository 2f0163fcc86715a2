// cad-073-boxtopchamfer: box_topchamfer stock (topchamfer edges), label -X
// features: -X counterbore; -X pocket; +X hole
// removed mm^3: px=0.127 mx=3.261 py=0.000 my=0.000 pz=0.000 mz=0.000
// margin: label blind 3.261 >= 1.50 x 0.127 (through holes counted for both sides)
// written by eval/cad/recipes.py (seed 17); built by eval/cad/eval.mk
include <../lib.scad>
$fn = 24;
place([-4.07, -2.38, -62.82], [[0, 0, -1], [0, 1, 0], [1, 0, 0]])
part() {
	box_topchamfer([6.00, 3.94, 5.65], 0.52);
	face([0, 0, 5.65], [1, 0, 0], [0, 1, 0], [0, 0, 1]) translate([4.20, 2.25, 0]) cbore(0.55, 0.30, 0.28, 1.69);  // -X 0.620
	face([0, 0, 5.65], [1, 0, 0], [0, 1, 0], [0, 0, 1]) translate([1.50, 2.26, 0]) pocket(1.68, 0.93, 0.00, 1.69);  // -X 2.640
	face([0, 3.94, 0], [1, 0, 0], [0, -1, 0], [0, 0, -1]) translate([1.42, 1.12, 0]) hole(0.21, 0.93);  // +X 0.127
}
