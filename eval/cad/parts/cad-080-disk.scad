// cad-080-disk: disk stock (turned edges), label +X
// features: +X pocket in pocket; +X countersink; +X counterbore through; -X pocket in pocket; -X counterbore
// removed mm^3: px=3.715 mx=0.367 py=0.000 my=0.000 pz=0.000 mz=0.000
// margin: label blind 3.032 >= 1.50 x 1.049 (through holes counted for both sides)
// written by eval/cad/recipes.py (seed 17); built by eval/cad/eval.mk
include <../lib.scad>
$fn = 28;
place([48.24, 25.14, 10.16], [[0, 0, 1], [0, -1, 0], [1, 0, 0]])
part() {
	rod_z(3.91, 2.27);
	face([0, 0, 2.27], [1, 0, 0], [0, 1, 0], [0, 0, 1]) translate([-1.34, 0.06, 0]) pocket2(2.64, 2.86, 0.31, 0.24, 1.29, 1.71, 0.26, 0.19, 0.20, 0.13);  // +X 2.199
	face([0, 0, 2.27], [1, 0, 0], [0, 1, 0], [0, 0, 1]) translate([1.03, 0.45, 0]) csink(0.79, 0.43, 0.36, 1.06);  // +X 0.833
	face([0, 0, 2.27], [1, 0, 0], [0, 1, 0], [0, 0, 1]) translate([-0.31, 2.75, 0]) cbore(0.48, 0.60, 0.22, 2.29);  // +X 0.682
	face([0, 0, 0], [1, 0, 0], [0, -1, 0], [0, 0, -1]) translate([0.28, -0.27, 0]) pocket2(1.03, 0.94, 0.10, 0.11, 0.45, 0.35, 0.10, 0.17, 0.04, -0.09);  // -X 0.131
	face([0, 0, 0], [1, 0, 0], [0, -1, 0], [0, 0, -1]) translate([-0.86, 2.02, 0]) cbore(0.49, 0.20, 0.27, 0.58);  // -X 0.236
}
