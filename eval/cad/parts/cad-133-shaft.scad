// cad-133-shaft: shaft stock (turned edges), label +X
// features: +X 6 holes; +X hole; +X circular pocket; +X hole; +X rounded pocket; -X pocket
// removed mm^3: px=3082.075 mx=16.017 py=0.000 my=0.000 pz=0.000 mz=0.000
// margin: label blind 3082.075 >= 1.50 x 16.017 (through holes counted for both sides)
// written by eval/cad/recipes.py (seed 17); built by eval/cad/eval.mk
include <../lib.scad>
$fn = 40;
place([-70.50, 127.94, -13.13], [[0, 0, 1], [0, 1, 0], [-1, 0, 0]])
part() {
	shaft_z([[8.81, 10.72], [16.82, 16.56], [21.89, 31.22]]);
	face([0, 0, 58.50], [1, 0, 0], [0, 1, 0], [0, 0, 1]) translate([-3.70, 6.10, 0]) { translate([-3.64, -6.87, 0]) hole(1.07, 10.54); translate([-3.64, 0.00, 0]) hole(1.07, 10.54); translate([-3.64, 6.87, 0]) hole(1.07, 10.54); translate([3.64, -6.87, 0]) hole(1.07, 10.54); translate([3.64, 0.00, 0]) hole(1.07, 10.54); translate([3.64, 6.87, 0]) hole(1.07, 10.54); };  // +X 226.528
	face([0, 0, 58.50], [1, 0, 0], [0, 1, 0], [0, 0, 1]) translate([6.03, -7.83, 0]) hole(3.08, 14.86);  // +X 441.045
	face([0, 0, 58.50], [1, 0, 0], [0, 1, 0], [0, 0, 1]) translate([6.43, 10.63, 0]) hole(4.18, 13.04);  // +X 712.841
	face([0, 0, 58.50], [1, 0, 0], [0, 1, 0], [0, 0, 1]) translate([-11.56, -0.27, 0]) hole(2.20, 11.23);  // +X 170.054
	face([0, 0, 58.50], [1, 0, 0], [0, 1, 0], [0, 0, 1]) translate([-6.55, -9.47, 0]) pocket(12.78, 11.19, 1.17, 10.80);  // +X 1531.607
	face([0, 0, 0], [1, 0, 0], [0, -1, 0], [0, 0, -1]) translate([-2.39, -1.23, 0]) pocket(2.53, 2.66, 0.00, 2.38);  // -X 16.017
}
