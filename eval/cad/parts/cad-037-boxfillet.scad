// cad-037-boxfillet: box_fillet stock (fillet edges), label -X
// features: -X hole through; -X hole through; -X slot; -X slot; -Z 6 holes; +Z pocket in pocket
// removed mm^3: px=0.000 mx=12735.496 py=0.000 my=0.000 pz=432.165 mz=169.392
// margin: label blind 11509.417 >= 1.50 x 1226.078 (through holes counted for both sides)
// written by eval/cad/recipes.py (seed 17); built by eval/cad/eval.mk
include <../lib.scad>
$fn = 28;
place([-33.61, 25.31, -144.30], [[0, 0, -1], [1, 0, 0], [0, -1, 0]])
part() {
	box_fillet([67.44, 75.87, 49.08], 3.09, 12);
	face([0, 0, 49.08], [1, 0, 0], [0, 1, 0], [0, 0, 1]) translate([40.85, 52.89, 0]) hole(1.42, 49.10);  // -X 308.305
	face([0, 0, 49.08], [1, 0, 0], [0, 1, 0], [0, 0, 1]) translate([16.11, 55.90, 0]) hole(2.45, 49.10);  // -X 917.774
	face([0, 0, 49.08], [1, 0, 0], [0, 1, 0], [0, 0, 1]) translate([38.20, 32.71, 0]) slot(30.30, 4.99, 21.38);  // -X 8123.654
	face([0, 0, 49.08], [1, 0, 0], [0, 1, 0], [0, 0, 1]) translate([41.62, 12.38, 0]) slot(21.15, 4.85, 12.16);  // -X 3385.763
	face([0, 75.87, 49.08], [1, 0, 0], [0, 0, -1], [0, 1, 0]) translate([37.64, 26.06, 0]) { translate([-1.58, -3.37, 0]) hole(0.80, 14.16); translate([-1.58, 0.00, 0]) hole(0.80, 14.16); translate([-1.58, 3.37, 0]) hole(0.80, 14.16); translate([1.58, -3.37, 0]) hole(0.80, 14.16); translate([1.58, 0.00, 0]) hole(0.80, 14.16); translate([1.58, 3.37, 0]) hole(0.80, 14.16); };  // -Z 169.392
	face([0, 0, 0], [1, 0, 0], [0, 0, 1], [0, -1, 0]) translate([15.33, 28.23, 0]) pocket2(5.36, 6.65, 1.59, 11.21, 2.37, 2.42, 0.36, 10.26, 0.81, 1.27);  // +Z 432.165
}
