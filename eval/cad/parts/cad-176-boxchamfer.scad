// cad-176-boxchamfer: box_chamfer stock (chamfer edges), label +X
// features: +X pocket in pocket; +X rounded pocket; +Z pocket; -X hole
// removed mm^3: px=4143.577 mx=59.556 py=0.000 my=0.000 pz=1184.183 mz=0.000
// margin: label blind 4143.577 >= 1.50 x 1184.183 (through holes counted for both sides)
// written by eval/cad/recipes.py (seed 17); built by eval/cad/eval.mk
include <../lib.scad>
$fn = 16;
place([-189.52, -7.62, -92.83], [[0, 0, 1], [1, 0, 0], [0, 1, 0]])
part() {
	box_chamfer([72.58, 39.26, 84.45], 3.42);
	face([0, 0, 84.45], [1, 0, 0], [0, 1, 0], [0, 0, 1]) translate([50.37, 26.86, 0]) pocket2(11.18, 7.41, 0.98, 7.90, 6.67, 3.80, 1.05, 10.36, -0.25, 1.02);  // +X 899.210
	face([0, 0, 84.45], [1, 0, 0], [0, 1, 0], [0, 0, 1]) translate([14.78, 14.97, 0]) pocket(7.63, 12.96, 1.07, 33.17);  // +X 3244.367
	face([0, 39.26, 84.45], [1, 0, 0], [0, 0, -1], [0, 1, 0]) translate([52.29, 48.47, 0]) pocket(8.59, 17.95, 0.00, 7.68);  // +Z 1184.183
	face([0, 39.26, 0], [1, 0, 0], [0, -1, 0], [0, 0, -1]) translate([55.77, 30.42, 0]) hole(1.01, 19.07);  // -X 59.556
}
