// cad-053-boxtopchamfer: box_topchamfer stock (topchamfer edges), label +Z
// features: +Z hole; +Z hole; +Z pocket; +Z hole; -Y pocket; +X pocket in pocket; -X pocket
// removed mm^3: px=1.032 mx=0.601 py=0.000 my=2.465 pz=6.850 mz=0.000
// margin: label blind 6.850 >= 1.50 x 2.465 (through holes counted for both sides)
// written by eval/cad/recipes.py (seed 17); built by eval/cad/eval.mk
include <../lib.scad>
$fn = 40;
place([88.21, 2.26, -8.69], [[0, -1, 0], [1, 0, 0], [0, 0, 1]])
part() {
	box_topchamfer([4.63, 6.25, 7.26], 0.30);
	face([0, 0, 7.26], [1, 0, 0], [0, 1, 0], [0, 0, 1]) translate([2.01, 2.32, 0]) hole(0.42, 1.79);  // +Z 0.988
	face([0, 0, 7.26], [1, 0, 0], [0, 1, 0], [0, 0, 1]) translate([2.24, 4.76, 0]) hole(0.30, 0.98);  // +Z 0.276
	face([0, 0, 7.26], [1, 0, 0], [0, 1, 0], [0, 0, 1]) translate([3.57, 3.61, 0]) pocket(0.85, 2.50, 0.00, 2.05);  // +Z 4.356
	face([0, 0, 7.26], [1, 0, 0], [0, 1, 0], [0, 0, 1]) translate([1.11, 4.13, 0]) hole(0.34, 3.40);  // +Z 1.230
	face([0, 0, 7.26], [0, 1, 0], [0, 0, -1], [-1, 0, 0]) translate([4.22, 5.93, 0]) pocket(1.67, 1.20, 0.00, 1.23);  // -Y 2.465
	face([0, 0, 0], [1, 0, 0], [0, 0, 1], [0, -1, 0]) translate([2.89, 1.33, 0]) pocket2(1.70, 0.82, 0.22, 0.68, 0.55, 0.46, 0.16, 0.49, 0.00, -0.05);  // +X 1.032
	face([0, 6.25, 7.26], [1, 0, 0], [0, 0, -1], [0, 1, 0]) translate([3.11, 3.81, 0]) pocket(0.85, 0.93, 0.00, 0.76);  // -X 0.601
}
