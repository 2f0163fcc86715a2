// cad-157-box: box stock (sharp edges), label -X
// features: -X pocket in pocket; -X 6 holes through; -X slot; -X slot
// removed mm^3: px=0.000 mx=95507.791 py=0.000 my=0.000 pz=0.000 mz=0.000
// margin: label blind 76389.811 >= 1.50 x 19117.979 (through holes counted for both sides)
// written by eval/cad/recipes.py (seed 17); built by eval/cad/eval.mk
include <../lib.scad>
$fn = 40;
place([165.37, -79.70, 54.40], [[0, 0, -1], [0, -1, 0], [-1, 0, 0]])
part() {
	box([139.93, 88.61, 166.93]);
	face([0, 0, 166.93], [1, 0, 0], [0, 1, 0], [0, 0, 1]) translate([122.71, 73.50, 0]) pocket2(13.01, 22.85, 3.36, 29.96, 6.29, 8.92, 0.21, 21.37, 0.25, -2.93);  // -X 9809.936
	face([0, 0, 166.93], [1, 0, 0], [0, 1, 0], [0, 0, 1]) translate([36.40, 55.99, 0]) { translate([15.39, 0.00, 0]) hole(2.47, 166.95); translate([7.69, 13.32, 0]) hole(2.47, 166.95); translate([-7.69, 13.32, 0]) hole(2.47, 166.95); translate([-15.39, 0.00, 0]) hole(2.47, 166.95); translate([-7.69, -13.32, 0]) hole(2.47, 166.95); translate([7.69, -13.32, 0]) hole(2.47, 166.95); };  // -X 19117.979
	face([0, 0, 166.93], [1, 0, 0], [0, 1, 0], [0, 0, 1]) translate([94.13, 25.55, 0]) slot(36.61, 6.32, 69.03);  // -X 40570.157
	face([0, 0, 166.93], [1, 0, 0], [0, 1, 0], [0, 0, 1]) translate([41.84, 26.55, 0]) slot(20.30, 7.00, 59.45);  // -X 26009.718
}
