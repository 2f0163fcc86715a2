// cad-088-box: box stock (sharp edges), label +Z
// features: +Z pocket in pocket; +Z step; +X hole; +Y circular pocket
// removed mm^3: px=43.304 mx=0.000 py=225.507 my=0.000 pz=2802.090 mz=0.000
// margin: label blind 2802.090 >= 1.50 x 225.507 (through holes counted for both sides)
// written by eval/cad/recipes.py (seed 17); built by eval/cad/eval.mk
include <../lib.scad>
$fn = 24;
place([143.53, 21.89, -179.04], [[0, 1, 0], [-1, 0, 0], [0, 0, 1]])
part() {
	box([36.06, 30.34, 24.41]);
	face([0, 0, 24.41], [1, 0, 0], [0, 1, 0], [0, 0, 1]) translate([15.87, 14.03, 0]) pocket2(13.65, 6.00, 1.43, 2.21, 4.74, 2.01, 0.73, 2.71, -0.88, -0.03);  // +Z 201.486
	face([0, 0, 24.41], [1, 0, 0], [0, 1, 0], [0, 0, 1]) translate([18.03, 2.34, 0]) translate([0, -0.50, 0]) step(38.06, 5.68, 15.41);  // +Z 2600.604
	face([0, 30.34, 24.41], [1, 0, 0], [0, 0, -1], [0, 1, 0]) translate([24.90, 8.27, 0]) hole(1.28, 8.51);  // +X 43.304
	face([0, 0, 24.41], [0, 1, 0], [0, 0, -1], [-1, 0, 0]) translate([11.92, 18.02, 0]) hole(3.52, 5.86);  // +Y 225.507
}
