// cad-005-boxtopchamfer: box_topchamfer stock (topchamfer edges), label +Z
// features: +Z pocket in pocket; -Z rounded pocket; +X pocket in pocket
// removed mm^3: px=1.027 mx=0.000 py=0.000 my=0.000 pz=6.737 mz=1.533
// margin: label blind 6.737 >= 1.50 x 1.533 (through holes counted for both sides)
// written by eval/cad/recipes.py (seed 17); built by eval/cad/eval.mk
include <../lib.scad>
$fn = 24;
place([165.91, 35.13, 52.45], [[0, 1, 0], [-1, 0, 0], [0, 0, 1]])
part() {
	box_topchamfer([6.15, 6.77, 3.59], 0.70);
	face([0, 0, 3.59], [1, 0, 0], [0, 1, 0], [0, 0, 1]) translate([3.48, 3.24, 0]) pocket2(3.40, 2.82, 0.21, 0.57, 1.64, 1.39, 0.23, 0.58, 0.27, -0.36);  // +Z 6.737
	face([0, 6.77, 0], [1, 0, 0], [0, -1, 0], [0, 0, -1]) translate([1.81, 3.44, 0]) pocket(1.53, 1.26, 0.20, 0.81);  // -Z 1.533
	face([0, 6.77, 3.59], [1, 0, 0], [0, 0, -1], [0, 1, 0]) translate([2.73, 1.97, 0]) pocket2(1.43, 1.27, 0.32, 0.49, 0.58, 0.41, 0.04, 0.77, -0.23, -0.16);  // +X 1.027
}
