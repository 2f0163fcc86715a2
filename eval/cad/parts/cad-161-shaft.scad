// cad-161-shaft: shaft stock (turned edges), label +X
// features: +X hole; +X pocket in pocket; +X slot; -X hole
// removed mm^3: px=4.312 mx=0.217 py=0.000 my=0.000 pz=0.000 mz=0.000
// margin: label blind 4.312 >= 1.50 x 0.217 (through holes counted for both sides)
// written by eval/cad/recipes.py (seed 17); built by eval/cad/eval.mk
include <../lib.scad>
$fn = 40;
place([13.49, -40.25, 10.04], [[0, 0, 1], [0, 1, 0], [-1, 0, 0]])
part() {
	shaft_z([[1.85, 3.78], [2.72, 3.03]]);
	face([0, 0, 6.81], [1, 0, 0], [0, 1, 0], [0, 0, 1]) translate([1.43, 0.06, 0]) hole(0.43, 1.77);  // +X 1.024
	face([0, 0, 6.81], [1, 0, 0], [0, 1, 0], [0, 0, 1]) translate([-0.13, -1.17, 0]) pocket2(1.39, 0.93, 0.10, 0.73, 0.71, 0.33, 0.13, 1.06, -0.11, 0.01);  // +X 1.170
	face([0, 0, 6.81], [1, 0, 0], [0, 1, 0], [0, 0, 1]) translate([0.00, 0.01, 0]) slot(1.02, 0.35, 1.93);  // +X 2.118
	face([0, 0, 0], [1, 0, 0], [0, -1, 0], [0, 0, -1]) translate([0.70, 0.80, 0]) hole(0.25, 1.11);  // -X 0.217
}
