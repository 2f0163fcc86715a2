// cad-013-boxfillet: box_fillet stock (fillet edges), label -X
// features: -X pocket in pocket; -X rounded pocket; -X pocket; -Y pocket; +Z counterbore; +Y pocket
// removed mm^3: px=0.000 mx=1961.256 py=404.874 my=278.852 pz=12.435 mz=0.000
// margin: label blind 1961.256 >= 1.50 x 404.874 (through holes counted for both sides)
// written by eval/cad/recipes.py (seed 17); built by eval/cad/eval.mk
include <../lib.scad>
$fn = 28;
place([-63.68, -44.56, 43.64], [[0, 0, -1], [-1, 0, 0], [0, 1, 0]])
part() {
	box_fillet([20.21, 48.13, 45.08], 3.12, 8);
	face([0, 0, 45.08], [1, 0, 0], [0, 1, 0], [0, 0, 1]) translate([13.41, 32.07, 0]) pocket2(5.34, 7.46, 0.42, 10.28, 3.18, 3.04, 0.05, 9.45, 0.20, -0.87);  // -X 499.248
	face([0, 0, 45.08], [1, 0, 0], [0, 1, 0], [0, 0, 1]) translate([13.85, 7.06, 0]) pocket(4.44, 3.95, 1.48, 10.97);  // -X 171.134
	face([0, 0, 45.08], [1, 0, 0], [0, 1, 0], [0, 0, 1]) translate([9.44, 19.81, 0]) pocket(10.22, 11.07, 0.00, 11.41);  // -X 1290.875
	face([20.21, 0, 0], [0, 1, 0], [0, 0, 1], [1, 0, 0]) translate([15.21, 8.78, 0]) pocket(9.07, 7.61, 0.00, 4.04);  // -Y 278.852
	face([0, 48.13, 45.08], [1, 0, 0], [0, 0, -1], [0, 1, 0]) translate([13.88, 31.53, 0]) cbore(0.94, 2.80, 0.49, 9.12);  // +Z 12.435
	face([0, 0, 45.08], [0, 1, 0], [0, 0, -1], [-1, 0, 0]) translate([26.30, 16.55, 0]) pocket(12.90, 12.26, 0.00, 2.56);  // +Y 404.874
}
