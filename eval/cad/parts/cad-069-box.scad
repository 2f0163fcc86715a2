// cad-069-box: box stock (sharp edges), label -X
// features: -X counterbore through; -X rounded pocket; +Y rounded pocket; +Y slot
// removed mm^3: px=0.000 mx=7120.298 py=279.548 my=0.000 pz=0.000 mz=0.000
// margin: label blind 4808.385 >= 1.50 x 2311.913 (through holes counted for both sides)
// written by eval/cad/recipes.py (seed 17); built by eval/cad/eval.mk
include <../lib.scad>
$fn = 20;
place([21.85, -3.08, 274.55], [[0, 0, -1], [-1, 0, 0], [0, 1, 0]])
part() {
	box([38.95, 47.19, 43.53]);
	face([0, 0, 43.53], [1, 0, 0], [0, 1, 0], [0, 0, 1]) translate([28.29, 30.14, 0]) cbore(6.06, 13.37, 2.92, 43.55);  // -X 2311.913
	face([0, 0, 43.53], [1, 0, 0], [0, 1, 0], [0, 0, 1]) translate([20.13, 9.11, 0]) pocket(26.50, 11.61, 1.15, 15.69);  // -X 4808.385
	face([0, 0, 43.53], [0, 1, 0], [0, 0, -1], [-1, 0, 0]) translate([38.98, 29.69, 0]) pocket(3.52, 4.50, 1.28, 7.27);  // +Y 104.320
	face([0, 0, 43.53], [0, 1, 0], [0, 0, -1], [-1, 0, 0]) translate([37.92, 11.92, 0]) slot(8.65, 0.97, 8.90);  // +Y 175.228
}
