// cad-115-stepped: stepped stock (sharp edges), label -Y
// features: -Y countersink through; -Y countersink; -Y slot; -Y pocket in pocket; -Y counterbore; -Y rounded pocket; +X countersink; +X 4 holes
// removed mm^3: px=1698.300 mx=0.000 py=0.000 my=27894.682 pz=0.000 mz=0.000
// margin: label blind 18455.813 >= 1.50 x 9438.870 (through holes counted for both sides)
// written by eval/cad/recipes.py (seed 17); built by eval/cad/eval.mk
include <../lib.scad>
$fn = 32;
place([4.51, 63.11, 115.60], [[-1, 0, 0], [0, 0, -1], [0, -1, 0]])
part() {
	stepped([126.37, 97.56, 110.57], 49.08, 85.69, 75.98, 47.74);
	face([0, 0, 110.57], [1, 0, 0], [0, 1, 0], [0, 0, 1]) translate([20.75, 35.43, 0]) csink(9.96, 5.09, 4.87, 110.59);  // -Y 9438.870
	face([0, 0, 110.57], [1, 0, 0], [0, 1, 0], [0, 0, 1]) translate([92.41, 30.59, 0]) csink(6.91, 3.86, 3.05, 35.84);  // -Y 1808.462
	face([0, 0, 110.57], [1, 0, 0], [0, 1, 0], [0, 0, 1]) translate([66.51, 18.07, 0]) slot(13.03, 2.85, 37.47);  // -Y 3732.946
	face([0, 0, 110.57], [1, 0, 0], [0, 1, 0], [0, 0, 1]) translate([64.25, 38.40, 0]) pocket2(12.23, 6.80, 1.37, 22.89, 3.82, 4.05, 1.40, 21.06, -2.51, 0.19);  // -Y 2155.434
	face([0, 0, 110.57], [1, 0, 0], [0, 1, 0], [0, 0, 1]) translate([8.60, 8.27, 0]) cbore(3.51, 5.83, 1.60, 37.64);  // -Y 478.392
	face([0, 0, 110.57], [1, 0, 0], [0, 1, 0], [0, 0, 1]) translate([47.39, 26.26, 0]) pocket(12.01, 17.94, 1.85, 48.39);  // -Y 10280.579
	face([0, 0, 110.57], [0, 1, 0], [0, 0, -1], [-1, 0, 0]) translate([17.19, 62.71, 0]) csink(4.43, 2.76, 1.67, 35.34);  // +X 869.185
	face([0, 0, 110.57], [0, 1, 0], [0, 0, -1], [-1, 0, 0]) translate([14.72, 74.28, 0]) { translate([-2.45, -2.79, 0]) hole(1.54, 28.00); translate([-2.45, 2.79, 0]) hole(1.54, 28.00); translate([2.45, -2.79, 0]) hole(1.54, 28.00); translate([2.45, 2.79, 0]) hole(1.54, 28.00); };  // +X 829.116
}
