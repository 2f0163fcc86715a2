// cad-098-lstock: lstock stock (sharp edges), label +X
// features: +X open slot; -Z circular pocket; +Z slot; +Z counterbore
// removed mm^3: px=589.192 mx=0.000 py=0.000 my=0.000 pz=42.391 mz=13.370
// margin: label blind 589.192 >= 1.50 x 42.391 (through holes counted for both sides)
// written by eval/cad/recipes.py (seed 17); built by eval/cad/eval.mk
include <../lib.scad>
$fn = 40;
place([-179.78, 241.55, 6.98], [[0, 0, 1], [0, 1, 0], [-1, 0, 0]])
part() {
	lstock([26.59, 26.56, 21.83], 15.12, 8.41);
	face([0, 0, 21.83], [1, 0, 0], [0, 1, 0], [0, 0, 1]) translate([13.29, 5.33, 0]) translate([0, 0.00, 0]) step(28.59, 1.76, 12.59);  // +X 589.192
	face([26.59, 0, 0], [0, 1, 0], [0, 0, 1], [1, 0, 0]) translate([9.87, 16.56, 0]) hole(0.99, 4.36);  // -Z 13.370
	face([0, 0, 21.83], [0, 1, 0], [0, 0, -1], [-1, 0, 0]) translate([11.48, 19.66, 0]) slot(3.46, 0.64, 6.68);  // +Z 38.145
	face([0, 0, 21.83], [0, 1, 0], [0, 0, -1], [-1, 0, 0]) translate([11.88, 15.33, 0]) cbore(0.69, 1.05, 0.41, 6.15);  // +Z 4.246
}
