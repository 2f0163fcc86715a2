// cad-074-plate: plate stock (sharp edges), label -Y
// features: -Y pocket in pocket; -Y slot; -Y rounded pocket; +Y hole; +X counterbore; -X pocket in pocket
// removed mm^3: px=1489.286 mx=7568.855 py=121.045 my=46620.282 pz=0.000 mz=0.000
// margin: label blind 46620.282 >= 1.50 x 7568.855 (through holes counted for both sides)
// written by eval/cad/recipes.py (seed 17); built by eval/cad/eval.mk
include <../lib.scad>
$fn = 40;
place([-13.60, -188.99, 196.15], [[1, 0, 0], [0, 0, -1], [0, 1, 0]])
part() {
	box([215.64, 175.33, 23.55]);
	face([0, 0, 23.55], [1, 0, 0], [0, 1, 0], [0, 0, 1]) translate([82.22, 114.82, 0]) pocket2(90.20, 46.58, 6.69, 5.47, 49.47, 15.56, 5.21, 7.17, -4.08, 1.51);  // -Y 28118.535
	face([0, 0, 23.55], [1, 0, 0], [0, 1, 0], [0, 0, 1]) translate([103.57, 77.14, 0]) slot(71.37, 8.84, 8.03);  // -Y 12095.709
	face([0, 0, 23.55], [1, 0, 0], [0, 1, 0], [0, 0, 1]) translate([183.02, 129.94, 0]) pocket(25.40, 62.67, 2.66, 4.04);  // -Y 6406.038
	face([0, 175.33, 0], [1, 0, 0], [0, -1, 0], [0, 0, -1]) translate([39.56, 69.22, 0]) hole(3.32, 3.51);  // +Y 121.045
	face([215.64, 0, 0], [0, 1, 0], [0, 0, 1], [1, 0, 0]) translate([32.45, 11.38, 0]) cbore(5.91, 6.86, 2.84, 36.17);  // +X 1489.286
	face([0, 0, 23.55], [0, 1, 0], [0, 0, -1], [-1, 0, 0]) translate([67.72, 8.84, 0]) pocket2(16.46, 14.96, 0.81, 27.04, 7.48, 4.96, 1.27, 25.94, 0.78, -2.99);  // -X 7568.855
}
