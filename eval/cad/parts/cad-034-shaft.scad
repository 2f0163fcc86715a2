// cad-034-shaft: shaft stock (turned edges), label -X
// features: -X rounded pocket; -X pocket; -X 4 holes; +X counterbore; +X slot
// removed mm^3: px=147.651 mx=10664.171 py=0.000 my=0.000 pz=0.000 mz=0.000
// margin: label blind 10664.171 >= 1.50 x 147.651 (through holes counted for both sides)
// written by eval/cad/recipes.py (seed 17); built by eval/cad/eval.mk
include <../lib.scad>
$fn = 32;
place([2.17, -58.35, -196.24], [[0, 0, -1], [0, 1, 0], [1, 0, 0]])
part() {
	shaft_z([[23.74, 55.19], [40.60, 43.19]]);
	face([0, 0, 98.38], [1, 0, 0], [0, 1, 0], [0, 0, 1]) translate([4.36, 8.15, 0]) pocket(18.72, 30.47, 5.29, 11.17);  // -X 6096.729
	face([0, 0, 98.38], [1, 0, 0], [0, 1, 0], [0, 0, 1]) translate([-0.33, -26.71, 0]) pocket(23.13, 15.89, 0.00, 8.16);  // -X 2999.091
	face([0, 0, 98.38], [1, 0, 0], [0, 1, 0], [0, 0, 1]) translate([-26.06, -6.02, 0]) { translate([-3.81, -3.99, 0]) hole(2.52, 19.78); translate([-3.81, 3.99, 0]) hole(2.52, 19.78); translate([3.81, -3.99, 0]) hole(2.52, 19.78); translate([3.81, 3.99, 0]) hole(2.52, 19.78); };  // -X 1568.350
	face([0, 0, 0], [1, 0, 0], [0, -1, 0], [0, 0, -1]) translate([-4.80, 1.88, 0]) cbore(1.34, 3.92, 0.85, 14.31);  // +X 45.403
	face([0, 0, 0], [1, 0, 0], [0, -1, 0], [0, 0, -1]) translate([-2.44, -7.11, 0]) slot(3.81, 1.27, 6.95);  // +X 102.248
}
