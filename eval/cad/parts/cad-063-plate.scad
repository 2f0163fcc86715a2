// cad-063-plate: plate stock (sharp edges), label -Z
// features: -Z slot; -Z rounded pocket; -X countersink
// removed mm^3: px=0.000 mx=102.927 py=0.000 my=0.000 pz=0.000 mz=25513.720
// margin: label blind 25513.720 >= 1.50 x 102.927 (through holes counted for both sides)
// written by eval/cad/recipes.py (seed 17); built by eval/cad/eval.mk
include <../lib.scad>
$fn = 40;
place([9.85, -27.91, 99.28], [[1, 0, 0], [0, -1, 0], [0, 0, -1]])
part() {
	box([116.40, 115.32, 9.31]);
	face([0, 0, 9.31], [1, 0, 0], [0, 1, 0], [0, 0, 1]) translate([79.55, 17.11, 0]) slot(22.59, 7.28, 5.00);  // -Z 2473.630
	face([0, 0, 9.31], [1, 0, 0], [0, 1, 0], [0, 0, 1]) translate([59.53, 76.71, 0]) pocket(65.76, 63.27, 13.28, 5.75);  // -Z 23040.090
	face([0, 0, 9.31], [0, 1, 0], [0, 0, -1], [-1, 0, 0]) translate([5.33, 5.68, 0]) csink(2.32, 1.21, 1.11, 21.14);  // -X 102.927
}
