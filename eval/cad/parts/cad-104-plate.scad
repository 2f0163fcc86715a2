// cad-104-plate: plate stock (round corners edges), label +Z
// features: +Z slot; +Z 9 holes; +Z hole through
// removed mm^3: px=0.000 mx=0.000 py=0.000 my=0.000 pz=31854.069 mz=0.000
// margin: label blind 22729.667 >= 1.50 x 9124.402 (through holes counted for both sides)
// written by eval/cad/recipes.py (seed 17); built by eval/cad/eval.mk
include <../lib.scad>
$fn = 32;
place([-129.94, 98.14, 122.35], [[0, 1, 0], [-1, 0, 0], [0, 0, 1]])
part() {
	box_vfillet([238.40, 231.15, 23.94], 16.50);
	face([0, 0, 23.94], [1, 0, 0], [0, 1, 0], [0, 0, 1]) translate([105.60, 132.49, 0]) slot(102.68, 14.90, 3.77);  // +Z 14148.267
	face([0, 0, 23.94], [1, 0, 0], [0, 1, 0], [0, 0, 1]) translate([70.97, 67.30, 0]) { translate([-41.89, -26.94, 0]) hole(4.54, 14.82); translate([-41.89, 0.00, 0]) hole(4.54, 14.82); translate([-41.89, 26.94, 0]) hole(4.54, 14.82); translate([0.00, -26.94, 0]) hole(4.54, 14.82); translate([0.00, 0.00, 0]) hole(4.54, 14.82); translate([0.00, 26.94, 0]) hole(4.54, 14.82); translate([41.89, -26.94, 0]) hole(4.54, 14.82); translate([41.89, 0.00, 0]) hole(4.54, 14.82); translate([41.89, 26.94, 0]) hole(4.54, 14.82); };  // +Z 8581.400
	face([0, 0, 23.94], [1, 0, 0], [0, 1, 0], [0, 0, 1]) translate([138.31, 193.53, 0]) hole(11.05, 23.96);  // +Z 9124.402
}
