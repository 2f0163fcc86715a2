// cad-136-bar: bar stock (sharp edges), label +Y
// features: +Y open slot; +Y pocket; +Y counterbore; +Y pocket
// removed mm^3: px=0.000 mx=0.000 py=180672.638 my=0.000 pz=0.000 mz=0.000
// margin: label blind 180672.638 >= 1.50 x 0.000 (through holes counted for both sides)
// written by eval/cad/recipes.py (seed 17); built by eval/cad/eval.mk
include <../lib.scad>
$fn = 24;
place([41.33, -200.27, 8.89], [[0, -1, 0], [0, 0, 1], [-1, 0, 0]])
part() {
	box([356.97, 111.91, 88.48]);
	face([0, 0, 88.48], [1, 0, 0], [0, 1, 0], [0, 0, 1]) translate([178.49, 14.40, 0]) translate([0, 0.00, 0]) step(358.97, 9.30, 23.03);  // +Y 76455.478
	face([0, 0, 88.48], [1, 0, 0], [0, 1, 0], [0, 0, 1]) translate([267.67, 77.58, 0]) pocket(16.82, 46.24, 0.00, 13.83);  // +Y 10756.377
	face([0, 0, 88.48], [1, 0, 0], [0, 1, 0], [0, 0, 1]) translate([81.78, 45.55, 0]) cbore(10.27, 12.00, 4.93, 38.99);  // +Y 5968.359
	face([0, 0, 88.48], [1, 0, 0], [0, 1, 0], [0, 0, 1]) translate([143.91, 43.76, 0]) pocket(48.58, 37.28, 0.00, 48.31);  // +Y 87492.425
}
