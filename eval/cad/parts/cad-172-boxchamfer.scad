// cad-172-boxchamfer: box_chamfer stock (chamfer edges), label -X
// features: -X pocket; -X pocket in pocket; -X 8 holes; +Z rounded pocket
// removed mm^3: px=0.000 mx=66672.163 py=0.000 my=0.000 pz=1765.066 mz=0.000
// margin: label blind 66672.163 >= 1.50 x 1765.066 (through holes counted for both sides)
// written by eval/cad/recipes.py (seed 17); built by eval/cad/eval.mk
include <../lib.scad>
$fn = 24;
place([-39.02, 2.91, 12.91], [[0, 0, -1], [0, -1, 0], [-1, 0, 0]])
part() {
	box_chamfer([94.06, 81.69, 99.02], 6.64);
	face([0, 0, 99.02], [1, 0, 0], [0, 1, 0], [0, 0, 1]) translate([62.82, 44.51, 0]) pocket(33.31, 52.69, 0.00, 29.73);  // -X 52179.239
	face([0, 0, 99.02], [1, 0, 0], [0, 1, 0], [0, 0, 1]) translate([31.51, 51.89, 0]) pocket2(24.99, 20.23, 2.87, 19.53, 9.38, 10.43, 0.88, 20.88, 4.59, -1.51);  // -X 11757.807
	face([0, 0, 99.02], [1, 0, 0], [0, 1, 0], [0, 0, 1]) translate([16.41, 23.91, 0]) { translate([-3.93, -9.39, 0]) hole(1.60, 43.00); translate([-3.93, -3.13, 0]) hole(1.60, 43.00); translate([-3.93, 3.13, 0]) hole(1.60, 43.00); translate([-3.93, 9.39, 0]) hole(1.60, 43.00); translate([3.93, -9.39, 0]) hole(1.60, 43.00); translate([3.93, -3.13, 0]) hole(1.60, 43.00); translate([3.93, 3.13, 0]) hole(1.60, 43.00); translate([3.93, 9.39, 0]) hole(1.60, 43.00); };  // -X 2735.117
	face([0, 0, 99.02], [0, 1, 0], [0, 0, -1], [-1, 0, 0]) translate([31.33, 80.27, 0]) pocket(11.50, 11.05, 4.51, 16.21);  // +Z 1765.066
}
