// cad-004-disk: disk stock (turned edges), label +X
// features: +X counterbore through; +X rounded pocket; +Z flat
// removed mm^3: px=3.838 mx=0.000 py=0.000 my=0.000 pz=0.138 mz=0.000
// margin: label blind 3.483 >= 1.50 x 0.355 (through holes counted for both sides)
// written by eval/cad/recipes.py (seed 17); built by eval/cad/eval.mk
include <../lib.scad>
$fn = 28;
place([68.11, -237.86, -82.93], [[0, 0, 1], [0, 1, 0], [-1, 0, 0]])
part() {
	rod_z(3.78, 1.29);
	face([0, 0, 1.29], [1, 0, 0], [0, 1, 0], [0, 0, 1]) translate([1.02, 2.48, 0]) cbore(0.40, 0.29, 0.26, 1.31);  // +X 0.355
	face([0, 0, 1.29], [1, 0, 0], [0, 1, 0], [0, 0, 1]) translate([0.96, -0.23, 0]) pocket(2.77, 1.83, 0.43, 0.71);  // +X 3.483
	translate([-4.78, -4.78, 0.46]) cube([1.36, 9.56, 0.19]);  // +Z 0.138
}
