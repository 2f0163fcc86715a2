// cad-107-box: box stock (sharp edges), label +Y
// features: +Y pocket in pocket; +Y slot; +Y counterbore through; +X rounded pocket; -Z rounded pocket; +Z pocket
// removed mm^3: px=199281.239 mx=0.000 py=781029.116 my=0.000 pz=105135.339 mz=22765.042
// margin: label blind 531426.918 >= 1.50 x 249602.198 (through holes counted for both sides)
// written by eval/cad/recipes.py (seed 17); built by eval/cad/eval.mk
include <../lib.scad>
$fn = 16;
place([12.12, 125.68, 108.02], [[0, -1, 0], [0, 0, 1], [-1, 0, 0]])
part() {
	box([222.00, 174.27, 420.93]);
	face([0, 0, 420.93], [1, 0, 0], [0, 1, 0], [0, 0, 1]) translate([174.05, 86.26, 0]) pocket2(64.57, 123.68, 17.34, 43.40, 30.29, 45.37, 6.73, 43.54, -9.09, -21.93);  // +Y 392330.278
	face([0, 0, 420.93], [1, 0, 0], [0, 1, 0], [0, 0, 1]) translate([61.45, 53.63, 0]) slot(22.69, 11.53, 149.53);  // +Y 139096.640
	face([0, 0, 420.93], [1, 0, 0], [0, 1, 0], [0, 0, 1]) translate([73.27, 125.96, 0]) cbore(19.27, 111.14, 11.40, 420.95);  // +Y 249602.198
	face([0, 0, 0], [1, 0, 0], [0, 0, 1], [0, -1, 0]) translate([146.56, 218.66, 0]) pocket(69.87, 59.10, 9.12, 49.19);  // +X 199281.239
	face([222.00, 0, 0], [0, 1, 0], [0, 0, 1], [1, 0, 0]) translate([23.50, 104.82, 0]) pocket(29.37, 24.32, 2.91, 32.23);  // -Z 22765.042
	face([0, 0, 420.93], [0, 1, 0], [0, 0, -1], [-1, 0, 0]) translate([42.41, 235.74, 0]) pocket(63.19, 27.67, 0.00, 60.13);  // +Z 105135.339
}
