// cad-170-plate: plate stock (sharp edges), label -Z
// features: -Z 6 holes through; -Z circular pocket; -Z pocket; -Z hole through; +Z hole
// removed mm^3: px=0.000 mx=0.000 py=0.000 my=0.000 pz=1714.564 mz=87943.232
// margin: label blind 63449.833 >= 1.50 x 26207.963 (through holes counted for both sides)
// written by eval/cad/recipes.py (seed 17); built by eval/cad/eval.mk
include <../lib.scad>
$fn = 16;
place([74.12, -51.47, -236.88], [[0, -1, 0], [-1, 0, 0], [0, 0, -1]])
part() {
	box([330.76, 184.31, 36.76]);
	face([0, 0, 36.76], [1, 0, 0], [0, 1, 0], [0, 0, 1]) translate([154.55, 60.73, 0]) { translate([30.59, 0.00, 0]) hole(4.39, 36.78); translate([15.29, 26.49, 0]) hole(4.39, 36.78); translate([-15.29, 26.49, 0]) hole(4.39, 36.78); translate([-30.59, 0.00, 0]) hole(4.39, 36.78); translate([-15.29, -26.49, 0]) hole(4.39, 36.78); translate([15.29, -26.49, 0]) hole(4.39, 36.78); };  // -Z 13013.240
	face([0, 0, 36.76], [1, 0, 0], [0, 1, 0], [0, 0, 1]) translate([98.87, 159.88, 0]) hole(13.12, 17.80);  // -Z 9380.313
	face([0, 0, 36.76], [1, 0, 0], [0, 1, 0], [0, 0, 1]) translate([236.15, 130.93, 0]) pocket(89.95, 32.74, 0.00, 18.36);  // -Z 54069.521
	face([0, 0, 36.76], [1, 0, 0], [0, 1, 0], [0, 0, 1]) translate([22.16, 112.03, 0]) hole(10.10, 36.78);  // -Z 11480.159
	face([0, 184.31, 0], [1, 0, 0], [0, -1, 0], [0, 0, -1]) translate([197.15, 18.84, 0]) hole(7.63, 9.62);  // +Z 1714.564
}
