// cad-117-box: box stock (sharp edges), label +Y
// features: +Y rounded pocket; +Y hole through; +Y counterbore through; +Y counterbore
// removed mm^3: px=0.000 mx=0.000 py=15.863 my=0.000 pz=0.000 mz=0.000
// margin: label blind 11.186 >= 1.50 x 4.677 (through holes counted for both sides)
// written by eval/cad/recipes.py (seed 17); built by eval/cad/eval.mk
include <../lib.scad>
$fn = 16;
place([-40.49, 139.57, 1.46], [[-1, 0, 0], [0, 0, 1], [0, 1, 0]])
part() {
	box([3.92, 6.48, 6.74]);
	face([0, 0, 6.74], [1, 0, 0], [0, 1, 0], [0, 0, 1]) translate([1.30, 2.33, 0]) pocket(1.78, 2.01, 0.37, 3.13);  // +Y 10.796
	face([0, 0, 6.74], [1, 0, 0], [0, 1, 0], [0, 0, 1]) translate([2.88, 4.51, 0]) hole(0.29, 6.76);  // +Y 1.735
	face([0, 0, 6.74], [1, 0, 0], [0, 1, 0], [0, 0, 1]) translate([2.48, 5.49, 0]) cbore(0.51, 1.91, 0.31, 6.76);  // +Y 2.942
	face([0, 0, 6.74], [1, 0, 0], [0, 1, 0], [0, 0, 1]) translate([2.86, 1.38, 0]) cbore(0.34, 0.36, 0.21, 2.30);  // +Y 0.389
}
