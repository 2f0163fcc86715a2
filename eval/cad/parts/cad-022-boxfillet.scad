// cad-022-boxfillet: box_fillet stock (fillet edges), label -Y
// features: -Y pocket; +Y rounded pocket
// removed mm^3: px=0.000 mx=0.000 py=34.788 my=246.465 pz=0.000 mz=0.000
// margin: label blind 246.465 >= 1.50 x 34.788 (through holes counted for both sides)
// written by eval/cad/recipes.py (seed 17); built by eval/cad/eval.mk
include <../lib.scad>
$fn = 16;
place([20.73, 50.74, -164.20], [[0, 1, 0], [0, 0, -1], [-1, 0, 0]])
part() {
	box_fillet([15.45, 15.39, 31.10], 1.64, 16);
	face([0, 0, 31.10], [1, 0, 0], [0, 1, 0], [0, 0, 1]) translate([6.47, 5.81, 0]) pocket(7.47, 2.60, 0.00, 12.69);  // -Y 246.465
	face([0, 15.39, 0], [1, 0, 0], [0, -1, 0], [0, 0, -1]) translate([10.14, 5.99, 0]) pocket(2.71, 1.63, 0.21, 7.95);  // +Y 34.788
}
