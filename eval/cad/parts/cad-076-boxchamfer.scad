// cad-076-boxchamfer: box_chamfer stock (chamfer edges), label +X
// features: +X 4 holes; +X rounded pocket
// removed mm^3: px=551291.853 mx=0.000 py=0.000 my=0.000 pz=0.000 mz=0.000
// margin: label blind 551291.853 >= 1.50 x 0.000 (through holes counted for both sides)
// written by eval/cad/recipes.py (seed 17); built by eval/cad/eval.mk
include <../lib.scad>
$fn = 20;
place([248.44, 7.72, -16.53], [[0, 0, 1], [0, -1, 0], [1, 0, 0]])
part() {
	box_chamfer([389.42, 201.52, 395.88], 10.62);
	face([0, 0, 395.88], [1, 0, 0], [0, 1, 0], [0, 0, 1]) translate([208.27, 84.89, 0]) { translate([-19.86, -19.28, 0]) hole(9.21, 189.26); translate([-19.86, 19.28, 0]) hole(9.21, 189.26); translate([19.86, -19.28, 0]) hole(9.21, 189.26); translate([19.86, 19.28, 0]) hole(9.21, 189.26); };  // +X 198435.994
	face([0, 0, 395.88], [1, 0, 0], [0, 1, 0], [0, 0, 1]) translate([123.34, 36.09, 0]) pocket(106.13, 30.33, 13.54, 115.61);  // +X 352855.859
}
