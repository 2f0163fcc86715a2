// cad-160-plate: plate stock (round corners edges), label -Z
// features: -Z rounded pocket; -Z rounded pocket; -Z circular pocket
// removed mm^3: px=0.000 mx=0.000 py=0.000 my=0.000 pz=0.000 mz=160.725
// margin: label blind 160.725 >= 1.50 x 0.000 (through holes counted for both sides)
// written by eval/cad/recipes.py (seed 17); built by eval/cad/eval.mk
include <../lib.scad>
$fn = 24;
place([145.12, 116.25, 92.42], [[-1, 0, 0], [0, 1, 0], [0, 0, -1]])
part() {
	box_vfillet([37.40, 33.64, 1.88], 0.94);
	face([0, 0, 1.88], [1, 0, 0], [0, 1, 0], [0, 0, 1]) translate([18.38, 16.96, 0]) pocket(5.05, 11.66, 2.13, 0.99);  // -Z 54.278
	face([0, 0, 1.88], [1, 0, 0], [0, 1, 0], [0, 0, 1]) translate([29.04, 17.61, 0]) pocket(8.00, 8.71, 0.82, 0.96);  // -Z 66.316
	face([0, 0, 1.88], [1, 0, 0], [0, 1, 0], [0, 0, 1]) translate([9.57, 14.59, 0]) hole(5.30, 0.46);  // -Z 40.132
}
