// cad-059-bar: bar stock (sharp edges), label +X
// features: +X pocket; +X pocket in pocket; -Z countersink; -X rounded pocket; -Y countersink
// removed mm^3: px=816.348 mx=32.353 py=0.000 my=6.151 pz=0.000 mz=28.224
// margin: label blind 816.348 >= 1.50 x 32.353 (through holes counted for both sides)
// written by eval/cad/recipes.py (seed 17); built by eval/cad/eval.mk
include <../lib.scad>
$fn = 16;
place([-47.40, -119.30, 138.91], [[0, 0, 1], [0, -1, 0], [1, 0, 0]])
part() {
	box([50.99, 18.22, 16.56]);
	face([0, 0, 16.56], [1, 0, 0], [0, 1, 0], [0, 0, 1]) translate([15.47, 7.61, 0]) pocket(7.78, 4.67, 0.00, 4.71);  // +X 171.127
	face([0, 0, 16.56], [1, 0, 0], [0, 1, 0], [0, 0, 1]) translate([36.82, 7.23, 0]) pocket2(7.67, 11.51, 1.89, 6.19, 4.17, 6.91, 1.61, 4.53, -0.22, -0.91);  // +X 645.222
	face([0, 0, 16.56], [0, 1, 0], [0, 0, -1], [-1, 0, 0]) translate([15.47, 7.54, 0]) csink(1.37, 0.77, 0.60, 14.96);  // -Z 28.224
	face([0, 18.22, 0], [1, 0, 0], [0, -1, 0], [0, 0, -1]) translate([40.75, 15.76, 0]) pocket(3.28, 3.31, 1.22, 3.42);  // -X 32.353
	face([0, 18.22, 16.56], [1, 0, 0], [0, 0, -1], [0, 1, 0]) translate([33.63, 11.48, 0]) csink(1.26, 0.68, 0.58, 3.71);  // -Y 6.151
}
