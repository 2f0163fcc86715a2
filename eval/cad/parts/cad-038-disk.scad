// cad-038-disk: disk stock (turned edges), label +Y
// features: +Y countersink through; +Y slot; +Y slot; +Y pocket in pocket; -Y rounded pocket; -Y rounded pocket
// removed mm^3: px=0.000 mx=0.000 py=187.772 my=55.457 pz=0.000 mz=0.000
// margin: label blind 146.039 >= 1.50 x 97.191 (through holes counted for both sides)
// written by eval/cad/recipes.py (seed 17); built by eval/cad/eval.mk
include <../lib.scad>
$fn = 32;
place([-5.42, 146.65, -100.98], [[-1, 0, 0], [0, 0, 1], [0, 1, 0]])
part() {
	rod_z(10.33, 8.48);
	face([0, 0, 8.48], [1, 0, 0], [0, 1, 0], [0, 0, 1]) translate([-0.06, -0.49, 0]) csink(2.19, 1.18, 1.02, 8.50);  // +Y 41.734
	face([0, 0, 8.48], [1, 0, 0], [0, 1, 0], [0, 0, 1]) translate([-0.12, 3.44, 0]) slot(5.95, 1.11, 3.41);  // +Y 58.157
	face([0, 0, 8.48], [1, 0, 0], [0, 1, 0], [0, 0, 1]) translate([-4.20, -4.00, 0]) slot(3.73, 0.88, 5.20);  // +Y 46.707
	face([0, 0, 8.48], [1, 0, 0], [0, 1, 0], [0, 0, 1]) translate([5.46, -2.32, 0]) pocket2(2.71, 6.99, 0.09, 1.52, 1.58, 4.15, 0.28, 1.91, 0.30, 0.51);  // +Y 41.175
	face([0, 0, 0], [1, 0, 0], [0, -1, 0], [0, 0, -1]) translate([-5.05, 3.73, 0]) pocket(2.57, 4.80, 0.42, 2.24);  // -Y 27.285
	face([0, 0, 0], [1, 0, 0], [0, -1, 0], [0, 0, -1]) translate([-1.93, -5.67, 0]) pocket(3.14, 4.78, 1.10, 2.02);  // -Y 28.171
}
