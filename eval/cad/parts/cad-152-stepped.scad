// cad-152-stepped: stepped stock (sharp edges), label +Z
// features: +Z pocket in pocket; +Z pocket in pocket; +Z slot; +Z hole; +Z open slot; -Y pocket in pocket; -Z rounded pocket; -Y 6 holes
// removed mm^3: px=0.000 mx=0.000 py=0.000 my=365.897 pz=6969.397 mz=596.885
// margin: label blind 6969.397 >= 1.50 x 596.885 (through holes counted for both sides)
// written by eval/cad/recipes.py (seed 17); built by eval/cad/eval.mk
include <../lib.scad>
$fn = 32;
place([86.86, 18.84, -14.85], [[1, 0, 0], [0, 1, 0], [0, 0, 1]])
part() {
	stepped([116.78, 62.50, 51.19], 22.54, 38.00, 42.69, 27.83);
	face([0, 0, 51.19], [1, 0, 0], [0, 1, 0], [0, 0, 1]) translate([90.75, 11.09, 0]) pocket2(10.65, 6.89, 1.30, 11.34, 3.37, 2.90, 0.52, 9.12, 2.10, -0.90);  // +Z 902.238
	face([0, 0, 51.19], [1, 0, 0], [0, 1, 0], [0, 0, 1]) translate([72.54, 14.76, 0]) pocket2(12.57, 11.35, 2.37, 5.22, 4.11, 5.45, 0.78, 7.20, -2.33, 0.21);  // +Z 876.403
	face([0, 0, 51.19], [1, 0, 0], [0, 1, 0], [0, 0, 1]) translate([108.04, 15.10, 0]) slot(4.81, 2.49, 28.21);  // +Z 1221.693
	face([0, 0, 51.19], [1, 0, 0], [0, 1, 0], [0, 0, 1]) translate([57.44, 10.61, 0]) hole(2.97, 18.77);  // +Z 516.812
	face([0, 0, 51.19], [1, 0, 0], [0, 1, 0], [0, 0, 1]) translate([58.39, 4.65, 0]) translate([0, 0.00, 0]) step(118.78, 2.60, 11.37);  // +Z 3452.250
	face([0, 0, 0], [1, 0, 0], [0, 0, 1], [0, -1, 0]) translate([101.62, 12.76, 0]) pocket2(9.04, 7.20, 0.64, 2.96, 3.22, 3.50, 1.07, 2.21, -0.33, -0.80);  // -Y 214.279
	face([0, 62.50, 0], [1, 0, 0], [0, -1, 0], [0, 0, -1]) translate([70.49, 30.58, 0]) pocket(9.33, 14.41, 1.02, 4.47);  // -Z 596.885
	face([0, 0, 0], [1, 0, 0], [0, 0, 1], [0, -1, 0]) translate([45.64, 25.08, 0]) { translate([-3.00, -6.71, 0]) hole(1.39, 4.19); translate([-3.00, 0.00, 0]) hole(1.39, 4.19); translate([-3.00, 6.71, 0]) hole(1.39, 4.19); translate([3.00, -6.71, 0]) hole(1.39, 4.19); translate([3.00, 0.00, 0]) hole(1.39, 4.19); translate([3.00, 6.71, 0]) hole(1.39, 4.19); };  // -Y 151.618
}
