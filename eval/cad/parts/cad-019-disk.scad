// cad-019-disk: disk stock (turned edges), label +Y
// features: +Y pocket in pocket; +Y pocket; +Y slot; +Y hole
// removed mm^3: px=0.000 mx=0.000 py=1084.196 my=0.000 pz=0.000 mz=0.000
// margin: label blind 1084.196 >= 1.50 x 0.000 (through holes counted for both sides)
// written by eval/cad/recipes.py (seed 17); built by eval/cad/eval.mk
include <../lib.scad>
$fn = 16;
place([25.14, 108.02, -54.11], [[0, -1, 0], [0, 0, 1], [-1, 0, 0]])
part() {
	rod_z(21.28, 9.01);
	face([0, 0, 9.01], [1, 0, 0], [0, 1, 0], [0, 0, 1]) translate([-5.69, 1.77, 0]) pocket2(13.09, 6.14, 1.57, 1.82, 4.24, 3.16, 0.09, 2.96, 2.44, -0.74);  // +Y 181.705
	face([0, 0, 9.01], [1, 0, 0], [0, 1, 0], [0, 0, 1]) translate([0.74, 11.73, 0]) pocket(9.80, 10.24, 0.00, 5.12);  // +Y 513.802
	face([0, 0, 9.01], [1, 0, 0], [0, 1, 0], [0, 0, 1]) translate([-5.98, -6.45, 0]) slot(14.05, 2.03, 5.30);  // +Y 369.193
	face([0, 0, 9.01], [1, 0, 0], [0, 1, 0], [0, 0, 1]) translate([16.91, 0.78, 0]) hole(1.78, 2.01);  // +Y 19.497
}
