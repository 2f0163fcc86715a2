// cad-041-boxchamfer: box_chamfer stock (chamfer edges), label +Z
// features: +Z pocket in pocket; +Z pocket in pocket; +Z counterbore; -Z pocket in pocket
// removed mm^3: px=0.000 mx=0.000 py=0.000 my=0.000 pz=428.653 mz=38.668
// margin: label blind 428.653 >= 1.50 x 38.668 (through holes counted for both sides)
// written by eval/cad/recipes.py (seed 17); built by eval/cad/eval.mk
include <../lib.scad>
$fn = 16;
place([58.18, 183.53, 41.10], [[-1, 0, 0], [0, -1, 0], [0, 0, 1]])
part() {
	box_chamfer([22.71, 27.93, 35.36], 1.50);
	face([0, 0, 35.36], [1, 0, 0], [0, 1, 0], [0, 0, 1]) translate([14.17, 13.71, 0]) pocket2(5.06, 11.51, 0.12, 2.43, 2.58, 6.02, 0.59, 4.41, 0.69, 0.46);  // +Z 208.545
	face([0, 0, 35.36], [1, 0, 0], [0, 1, 0], [0, 0, 1]) translate([6.91, 20.66, 0]) pocket2(7.85, 4.31, 0.94, 2.91, 3.20, 2.44, 0.04, 4.47, 1.15, 0.02);  // +Z 130.937
	face([0, 0, 35.36], [1, 0, 0], [0, 1, 0], [0, 0, 1]) translate([8.79, 13.67, 0]) cbore(1.64, 4.07, 1.00, 22.25);  // +Z 89.170
	face([0, 27.93, 0], [1, 0, 0], [0, -1, 0], [0, 0, -1]) translate([10.04, 5.93, 0]) pocket2(1.71, 3.52, 0.34, 5.90, 0.90, 1.07, 0.20, 4.10, 0.19, 0.55);  // -Z 38.668
}
