// cad-174-shaft: shaft stock (turned edges), label -Y
// features: -Y rounded pocket; -Y pocket; +Y hole; +Y pocket in pocket; +Y pocket
// removed mm^3: px=0.000 mx=0.000 py=316.206 my=8089.870 pz=0.000 mz=0.000
// margin: label blind 8089.870 >= 1.50 x 316.206 (through holes counted for both sides)
// written by eval/cad/recipes.py (seed 17); built by eval/cad/eval.mk
include <../lib.scad>
$fn = 24;
place([60.94, -97.27, -14.80], [[1, 0, 0], [0, 0, -1], [0, 1, 0]])
part() {
	shaft_z([[14.16, 22.29], [22.09, 18.11], [29.21, 16.86]]);
	face([0, 0, 57.26], [1, 0, 0], [0, 1, 0], [0, 0, 1]) translate([2.24, 13.59, 0]) pocket(12.10, 13.77, 0.97, 8.92);  // -Y 1478.719
	face([0, 0, 57.26], [1, 0, 0], [0, 1, 0], [0, 0, 1]) translate([-3.92, -5.38, 0]) pocket(33.86, 20.86, 0.00, 9.36);  // -Y 6611.151
	face([0, 0, 0], [1, 0, 0], [0, -1, 0], [0, 0, -1]) translate([1.79, 3.68, 0]) hole(1.07, 2.69);  // +Y 9.565
	face([0, 0, 0], [1, 0, 0], [0, -1, 0], [0, 0, -1]) translate([-2.71, -0.53, 0]) pocket2(5.53, 9.34, 0.45, 2.80, 2.47, 4.40, 0.76, 3.08, -0.43, -0.42);  // +Y 175.996
	face([0, 0, 0], [1, 0, 0], [0, -1, 0], [0, 0, -1]) translate([5.33, -6.81, 0]) pocket(4.32, 4.77, 0.00, 6.34);  // +Y 130.645
}
