// cad-016-bar: bar stock (sharp edges), label +Z
// features: +Z pocket in pocket; +Z countersink; +Z pocket in pocket; -X hole
// removed mm^3: px=0.000 mx=1308.275 py=0.000 my=0.000 pz=515058.919 mz=0.000
// margin: label blind 515058.919 >= 1.50 x 1308.275 (through holes counted for both sides)
// written by eval/cad/recipes.py (seed 17); built by eval/cad/eval.mk
include <../lib.scad>
$fn = 20;
place([-231.54, 77.60, 62.25], [[1, 0, 0], [0, 1, 0], [0, 0, 1]])
part() {
	box([89.54, 183.59, 472.67]);
	face([0, 0, 472.67], [1, 0, 0], [0, 1, 0], [0, 0, 1]) translate([45.67, 59.53, 0]) pocket2(49.64, 44.04, 2.31, 112.50, 26.47, 22.52, 4.44, 138.17, -1.22, 1.00);  // +Z 325280.723
	face([0, 0, 472.67], [1, 0, 0], [0, 1, 0], [0, 0, 1]) translate([71.58, 149.49, 0]) csink(8.22, 4.77, 3.46, 150.07);  // +Z 10769.844
	face([0, 0, 472.67], [1, 0, 0], [0, 1, 0], [0, 0, 1]) translate([45.41, 110.40, 0]) pocket2(67.30, 25.39, 3.93, 90.79, 24.80, 11.51, 0.85, 88.30, 12.66, 0.27);  // +Z 179008.352
	face([0, 0, 472.67], [0, 1, 0], [0, 0, -1], [-1, 0, 0]) translate([106.08, 400.45, 0]) hole(5.02, 16.80);  // -X 1308.275
}
