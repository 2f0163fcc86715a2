// cad-068-bar: bar stock (sharp edges), label +X
// features: +X countersink; +X slot; -Y rounded pocket; -Y pocket; +Y countersink
// removed mm^3: px=1.775 mx=0.000 py=0.107 my=1.011 pz=0.000 mz=0.000
// margin: label blind 1.775 >= 1.50 x 1.011 (through holes counted for both sides)
// written by eval/cad/recipes.py (seed 17); built by eval/cad/eval.mk
include <../lib.scad>
$fn = 32;
place([6.79, -12.67, 7.66], [[0, 0, 1], [0, 1, 0], [-1, 0, 0]])
part() {
	box([1.75, 2.15, 6.55]);
	face([0, 0, 6.55], [1, 0, 0], [0, 1, 0], [0, 0, 1]) translate([0.94, 1.02, 0]) csink(0.36, 0.22, 0.14, 3.31);  // +X 0.516
	face([0, 0, 6.55], [1, 0, 0], [0, 1, 0], [0, 0, 1]) translate([0.87, 1.84, 0]) slot(1.12, 0.21, 2.07);  // +X 1.259
	face([0, 0, 0], [1, 0, 0], [0, 0, 1], [0, -1, 0]) translate([0.89, 1.12, 0]) pocket(0.97, 0.85, 0.37, 0.56);  // -Y 0.394
	face([0, 0, 0], [1, 0, 0], [0, 0, 1], [0, -1, 0]) translate([0.82, 5.70, 0]) pocket(1.27, 1.13, 0.00, 0.43);  // -Y 0.617
	face([0, 2.15, 6.55], [1, 0, 0], [0, 0, -1], [0, 1, 0]) translate([0.79, 2.88, 0]) csink(0.36, 0.22, 0.14, 0.60);  // +Y 0.107
}
