// cad-135-plate: plate stock (sharp edges), label +Z
// features: +Z pocket in pocket; +Z counterbore through
// removed mm^3: px=0.000 mx=0.000 py=0.000 my=0.000 pz=0.536 mz=0.000
// margin: label blind 0.351 >= 1.50 x 0.185 (through holes counted for both sides)
// written by eval/cad/recipes.py (seed 17); built by eval/cad/eval.mk
include <../lib.scad>
$fn = 16;
place([46.49, 159.04, 45.09], [[0, 1, 0], [-1, 0, 0], [0, 0, 1]])
part() {
	box([5.59, 3.70, 0.57]);
	face([0, 0, 0.57], [1, 0, 0], [0, 1, 0], [0, 0, 1]) translate([1.34, 1.56, 0]) pocket2(1.15, 2.58, 0.12, 0.09, 0.50, 1.42, 0.04, 0.12, -0.03, 0.07);  // +Z 0.351
	face([0, 0, 0.57], [1, 0, 0], [0, 1, 0], [0, 0, 1]) translate([2.86, 1.02, 0]) cbore(0.52, 0.13, 0.24, 0.59);  // +Z 0.185
}
