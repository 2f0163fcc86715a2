// cad-127-stepped: stepped stock (sharp edges), label -Z
// features: -Z counterbore; -Z hole through; -Z step; -Z counterbore; -Z open slot; +Z slot
// removed mm^3: px=0.000 mx=0.000 py=0.000 my=0.000 pz=20.265 mz=10561.109
// margin: label blind 9829.327 >= 1.50 x 752.047 (through holes counted for both sides)
// written by eval/cad/recipes.py (seed 17); built by eval/cad/eval.mk
include <../lib.scad>
$fn = 32;
place([-211.65, 67.05, 53.96], [[0, -1, 0], [-1, 0, 0], [0, 0, -1]])
part() {
	stepped([51.52, 41.24, 48.00], 22.29, 36.46, 29.86, 19.60);
	face([0, 0, 48.00], [1, 0, 0], [0, 1, 0], [0, 0, 1]) translate([33.78, 19.44, 0]) cbore(1.26, 5.60, 0.72, 17.00);  // -Z 46.198
	face([0, 0, 48.00], [1, 0, 0], [0, 1, 0], [0, 0, 1]) translate([4.48, 15.12, 0]) hole(2.21, 48.02);  // -Z 731.782
	face([0, 0, 48.00], [1, 0, 0], [0, 1, 0], [0, 0, 1]) translate([25.76, 1.57, 0]) translate([0, -0.50, 0]) step(53.52, 4.14, 22.87);  // -Z 3699.744
	face([0, 0, 48.00], [1, 0, 0], [0, 1, 0], [0, 0, 1]) translate([38.50, 17.94, 0]) cbore(2.53, 5.02, 1.60, 24.11);  // -Z 252.846
	face([0, 0, 48.00], [1, 0, 0], [0, 1, 0], [0, 0, 1]) translate([25.76, 9.74, 0]) translate([0, 0.00, 0]) step(53.52, 3.92, 28.87);  // -Z 5830.539
	face([0, 41.24, 0], [1, 0, 0], [0, -1, 0], [0, 0, -1]) translate([18.37, 25.38, 0]) slot(1.86, 1.06, 2.72);  // +Z 20.265
}
