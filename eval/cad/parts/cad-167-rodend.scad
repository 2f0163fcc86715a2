// cad-167-rodend: rod_end stock (turned edges), label +Y
// features: +Y pocket; -Y pocket in pocket
// removed mm^3: px=0.000 mx=0.000 py=4930.644 my=31.348 pz=0.000 mz=0.000
// margin: label blind 4930.644 >= 1.50 x 31.348 (through holes counted for both sides)
// written by eval/cad/recipes.py (seed 17); built by eval/cad/eval.mk
include <../lib.scad>
$fn = 32;
place([175.53, -37.22, -40.61], [[0, 1, 0], [0, 0, 1], [1, 0, 0]])
part() {
	rod_z(12.43, 44.65);
	face([0, 0, 44.65], [1, 0, 0], [0, 1, 0], [0, 0, 1]) translate([-0.58, -0.11, 0]) pocket(12.74, 14.13, 0.00, 27.39);  // +Y 4930.644
	face([0, 0, 0], [1, 0, 0], [0, -1, 0], [0, 0, -1]) translate([-1.76, 1.38, 0]) pocket2(2.44, 2.10, 0.35, 5.06, 1.32, 1.25, 0.31, 3.81, 0.11, 0.19);  // -Y 31.348
}
