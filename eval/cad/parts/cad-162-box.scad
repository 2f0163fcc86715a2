// cad-162-box: box stock (sharp edges), label -Y
// features: -Y circular pocket; -Y counterbore; -Y pocket in pocket; -Y counterbore through
// removed mm^3: px=0.000 mx=0.000 py=0.000 my=54349.553 pz=0.000 mz=0.000
// margin: label blind 51923.155 >= 1.50 x 2426.398 (through holes counted for both sides)
// written by eval/cad/recipes.py (seed 17); built by eval/cad/eval.mk
include <../lib.scad>
$fn = 40;
place([-109.72, -1.59, 100.17], [[0, -1, 0], [0, 0, -1], [1, 0, 0]])
part() {
	box([90.54, 61.83, 119.59]);
	face([0, 0, 119.59], [1, 0, 0], [0, 1, 0], [0, 0, 1]) translate([55.32, 32.14, 0]) hole(17.54, 42.18);  // -Y 40600.202
	face([0, 0, 119.59], [1, 0, 0], [0, 1, 0], [0, 0, 1]) translate([7.51, 34.74, 0]) cbore(2.01, 18.60, 1.28, 57.38);  // -Y 433.896
	face([0, 0, 119.59], [1, 0, 0], [0, 1, 0], [0, 0, 1]) translate([26.31, 32.23, 0]) pocket2(18.74, 42.21, 4.49, 12.04, 9.95, 13.91, 3.51, 12.35, -1.60, -3.51);  // -Y 10889.057
	face([0, 0, 119.59], [1, 0, 0], [0, 1, 0], [0, 0, 1]) translate([9.20, 6.02, 0]) cbore(3.53, 22.40, 2.26, 119.61);  // -Y 2426.398
}
