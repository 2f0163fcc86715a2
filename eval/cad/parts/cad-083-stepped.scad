// cad-083-stepped: stepped stock (sharp edges), label +Y
// features: +Y slot; +Y slot; +Y rounded pocket; +Y pocket in pocket; -Z counterbore
// removed mm^3: px=0.000 mx=0.000 py=19.027 my=0.000 pz=0.000 mz=0.265
// margin: label blind 19.027 >= 1.50 x 0.265 (through holes counted for both sides)
// written by eval/cad/recipes.py (seed 17); built by eval/cad/eval.mk
include <../lib.scad>
$fn = 20;
place([-216.21, -84.73, -146.76], [[-1, 0, 0], [0, 0, 1], [0, 1, 0]])
part() {
	stepped([11.40, 7.72, 7.88], 3.71, 5.49, 5.82, 2.69);
	face([0, 0, 7.88], [1, 0, 0], [0, 1, 0], [0, 0, 1]) translate([7.78, 1.46, 0]) slot(1.97, 0.24, 3.74);  // +Y 4.202
	face([0, 0, 7.88], [1, 0, 0], [0, 1, 0], [0, 0, 1]) translate([1.99, 2.40, 0]) slot(1.12, 0.35, 1.48);  // +Y 1.721
	face([0, 0, 7.88], [1, 0, 0], [0, 1, 0], [0, 0, 1]) translate([8.20, 2.51, 0]) pocket(1.43, 1.38, 0.40, 3.12);  // +Y 5.703
	face([0, 0, 7.88], [1, 0, 0], [0, 1, 0], [0, 0, 1]) translate([5.46, 2.44, 0]) pocket2(1.88, 2.23, 0.34, 1.52, 0.64, 0.83, 0.22, 2.44, 0.06, -0.24);  // +Y 7.401
	face([0, 0, 0], [1, 0, 0], [0, 0, 1], [0, -1, 0]) translate([8.52, 3.66, 0]) cbore(0.47, 0.17, 0.27, 0.83);  // -Z 0.265
}
