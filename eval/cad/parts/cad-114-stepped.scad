// cad-114-stepped: stepped stock (sharp edges), label +Y
// features: +Y pocket in pocket; +Y counterbore through; +Y pocket in pocket
// removed mm^3: px=0.000 mx=0.000 py=34.251 my=0.000 pz=0.000 mz=0.000
// margin: label blind 29.586 >= 1.50 x 4.665 (through holes counted for both sides)
// written by eval/cad/recipes.py (seed 17); built by eval/cad/eval.mk
include <../lib.scad>
$fn = 20;
place([25.59, 66.58, 64.49], [[0, 1, 0], [0, 0, 1], [1, 0, 0]])
part() {
	stepped([11.56, 10.51, 6.49], 5.47, 4.12, 7.30, 2.91);
	face([0, 0, 6.49], [1, 0, 0], [0, 1, 0], [0, 0, 1]) translate([5.90, 2.67, 0]) pocket2(3.18, 4.21, 0.51, 1.25, 1.68, 2.52, 0.27, 2.31, 0.18, 0.25);  // +Y 26.065
	face([0, 0, 6.49], [1, 0, 0], [0, 1, 0], [0, 0, 1]) translate([2.60, 2.68, 0]) cbore(0.68, 2.19, 0.34, 6.51);  // +Y 4.665
	face([0, 0, 6.49], [1, 0, 0], [0, 1, 0], [0, 0, 1]) translate([9.23, 2.48, 0]) pocket2(1.42, 3.91, 0.19, 0.54, 0.61, 1.56, 0.20, 0.59, 0.18, -0.48);  // +Y 3.520
}
