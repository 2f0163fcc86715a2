// cad-179-rodend: rod_end stock (turned edges), label -Y
// features: -Y pocket in pocket; -Y slot; +Z flat; +Y hole; +Y countersink; +Y counterbore
// removed mm^3: px=0.000 mx=0.000 py=1.930 my=17.488 pz=0.532 mz=0.000
// margin: label blind 17.488 >= 1.50 x 1.930 (through holes counted for both sides)
// written by eval/cad/recipes.py (seed 17); built by eval/cad/eval.mk
include <../lib.scad>
$fn = 28;
place([-31.13, -23.51, -171.06], [[-1, 0, 0], [0, 0, -1], [0, -1, 0]])
part() {
	rod_z(2.99, 12.80);
	face([0, 0, 12.80], [1, 0, 0], [0, 1, 0], [0, 0, 1]) translate([-0.35, -0.42, 0]) pocket2(2.36, 1.99, 0.12, 2.56, 0.76, 0.77, 0.19, 2.53, 0.38, 0.35);  // -Y 13.390
	face([0, 0, 12.80], [1, 0, 0], [0, 1, 0], [0, 0, 1]) translate([-0.03, -2.17, 0]) slot(1.29, 0.28, 4.24);  // -Y 4.099
	translate([-3.99, -3.99, 3.41]) cube([7.98, 1.26, 1.35]);  // +Z 0.532
	face([0, 0, 0], [1, 0, 0], [0, -1, 0], [0, 0, -1]) translate([-0.03, 0.79, 0]) hole(0.33, 2.23);  // +Y 0.757
	face([0, 0, 0], [1, 0, 0], [0, -1, 0], [0, 0, -1]) translate([0.20, -0.26, 0]) csink(0.50, 0.30, 0.20, 1.78);  // +Y 0.545
	face([0, 0, 0], [1, 0, 0], [0, -1, 0], [0, 0, -1]) translate([1.78, 1.11, 0]) cbore(0.39, 0.60, 0.20, 3.36);  // +Y 0.628
}
