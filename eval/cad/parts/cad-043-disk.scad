// cad-043-disk: disk stock (turned edges), label -Z
// features: -Z pocket; +Z pocket; +Z 6 holes
// removed mm^3: px=0.000 mx=0.000 py=0.000 my=0.000 pz=22.571 mz=55.661
// margin: label blind 55.661 >= 1.50 x 22.571 (through holes counted for both sides)
// written by eval/cad/recipes.py (seed 17); built by eval/cad/eval.mk
include <../lib.scad>
$fn = 40;
place([85.67, 3.30, 169.99], [[0, 1, 0], [1, 0, 0], [0, 0, -1]])
part() {
	rod_z(9.84, 3.64);
	face([0, 0, 3.64], [1, 0, 0], [0, 1, 0], [0, 0, 1]) translate([1.79, -3.03, 0]) pocket(6.44, 4.02, 0.00, 2.15);  // -Z 55.661
	face([0, 0, 0], [1, 0, 0], [0, -1, 0], [0, 0, -1]) translate([-2.19, -1.70, 0]) pocket(4.45, 5.42, 0.00, 0.83);  // +Z 20.019
	face([0, 0, 0], [1, 0, 0], [0, -1, 0], [0, 0, -1]) translate([3.50, -1.17, 0]) { translate([2.12, 0.00, 0]) hole(0.48, 0.59); translate([1.06, 1.83, 0]) hole(0.48, 0.59); translate([-1.06, 1.83, 0]) hole(0.48, 0.59); translate([-2.12, 0.00, 0]) hole(0.48, 0.59); translate([-1.06, -1.83, 0]) hole(0.48, 0.59); translate([1.06, -1.83, 0]) hole(0.48, 0.59); };  // +Z 2.552
}
