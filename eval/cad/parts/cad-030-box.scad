// cad-030-box: box stock (sharp edges), label +Y
// features: +Y open slot; +Y counterbore; +Y 4 holes; +Y 4 holes through
// removed mm^3: px=0.000 mx=0.000 py=1002.647 my=0.000 pz=0.000 mz=0.000
// margin: label blind 739.547 >= 1.50 x 263.100 (through holes counted for both sides)
// written by eval/cad/recipes.py (seed 17); built by eval/cad/eval.mk
include <../lib.scad>
$fn = 28;
place([84.76, 146.93, 176.03], [[-1, 0, 0], [0, 0, 1], [0, 1, 0]])
part() {
	box([19.18, 17.26, 32.99]);
	face([0, 0, 32.99], [1, 0, 0], [0, 1, 0], [0, 0, 1]) translate([9.59, 8.64, 0]) translate([0, 0.00, 0]) step(21.18, 1.88, 17.00);  // +Y 612.993
	face([0, 0, 32.99], [1, 0, 0], [0, 1, 0], [0, 0, 1]) translate([11.25, 13.15, 0]) cbore(0.85, 5.37, 0.51, 19.08);  // +Y 23.196
	face([0, 0, 32.99], [1, 0, 0], [0, 1, 0], [0, 0, 1]) translate([7.75, 2.53, 0]) { translate([-4.34, 0.00, 0]) hole(0.64, 20.25); translate([-1.45, 0.00, 0]) hole(0.64, 20.25); translate([1.45, 0.00, 0]) hole(0.64, 20.25); translate([4.34, 0.00, 0]) hole(0.64, 20.25); };  // +Y 103.358
	face([0, 0, 32.99], [1, 0, 0], [0, 1, 0], [0, 0, 1]) translate([10.38, 5.07, 0]) { translate([-4.58, 0.00, 0]) hole(0.80, 33.01); translate([-1.53, 0.00, 0]) hole(0.80, 33.01); translate([1.53, 0.00, 0]) hole(0.80, 33.01); translate([4.58, 0.00, 0]) hole(0.80, 33.01); };  // +Y 263.100
}
