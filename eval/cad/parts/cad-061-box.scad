// cad-061-box: box stock (sharp edges), label +X
// features: +X step; -Z 4 holes
// removed mm^3: px=1001395.399 mx=0.000 py=0.000 my=0.000 pz=0.000 mz=11277.217
// margin: label blind 1001395.399 >= 1.50 x 11277.217 (through holes counted for both sides)
// written by eval/cad/recipes.py (seed 17); built by eval/cad/eval.mk
include <../lib.scad>
$fn = 40;
place([-248.70, 16.09, 21.06], [[0, 0, 1], [1, 0, 0], [0, 1, 0]])
part() {
	box([129.30, 271.55, 245.51]);
	face([0, 0, 245.51], [1, 0, 0], [0, 1, 0], [0, 0, 1]) translate([64.65, 226.47, 0]) translate([0, 0.50, 0]) step(131.30, 91.16, 85.90);  // +X 1001395.399
	face([0, 0, 0], [1, 0, 0], [0, 0, 1], [0, -1, 0]) translate([68.73, 221.87, 0]) { translate([-19.60, 0.00, 0]) hole(3.69, 66.18); translate([-6.53, 0.00, 0]) hole(3.69, 66.18); translate([6.53, 0.00, 0]) hole(3.69, 66.18); translate([19.60, 0.00, 0]) hole(3.69, 66.18); };  // -Z 11277.217
}
