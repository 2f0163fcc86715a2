// cad-173-lstock: lstock stock (sharp edges), label +Y
// features: +Y 6 holes through; +Y counterbore through; +Y pocket; +Y rounded pocket; +Y pocket; +Y hole; +Y hole
// removed mm^3: px=0.000 mx=0.000 py=910.762 my=0.000 pz=0.000 mz=0.000
// margin: label blind 630.356 >= 1.50 x 280.406 (through holes counted for both sides)
// written by eval/cad/recipes.py (seed 17); built by eval/cad/eval.mk
include <../lib.scad>
$fn = 16;
place([-79.31, 93.88, 59.02], [[0, 1, 0], [0, 0, 1], [1, 0, 0]])
part() {
	lstock([38.32, 34.49, 22.27], 15.46, 12.04);
	face([0, 0, 22.27], [1, 0, 0], [0, 1, 0], [0, 0, 1]) translate([22.06, 6.19, 0]) { translate([-0.99, -2.88, 0]) hole(0.64, 22.29); translate([-0.99, 0.00, 0]) hole(0.64, 22.29); translate([-0.99, 2.88, 0]) hole(0.64, 22.29); translate([0.99, -2.88, 0]) hole(0.64, 22.29); translate([0.99, 0.00, 0]) hole(0.64, 22.29); translate([0.99, 2.88, 0]) hole(0.64, 22.29); };  // +Y 167.556
	face([0, 0, 22.27], [1, 0, 0], [0, 1, 0], [0, 0, 1]) translate([16.15, 4.62, 0]) cbore(1.84, 6.25, 0.99, 22.29);  // +Y 112.849
	face([0, 0, 22.27], [1, 0, 0], [0, 1, 0], [0, 0, 1]) translate([4.24, 6.10, 0]) pocket(3.48, 8.77, 0.00, 9.58);  // +Y 292.378
	face([0, 0, 22.27], [1, 0, 0], [0, 1, 0], [0, 0, 1]) translate([32.32, 9.87, 0]) pocket(5.15, 7.05, 1.16, 4.06);  // +Y 142.281
	face([0, 0, 22.27], [1, 0, 0], [0, 1, 0], [0, 0, 1]) translate([26.33, 11.48, 0]) pocket(2.99, 3.99, 0.00, 11.12);  // +Y 132.663
	face([0, 0, 22.27], [1, 0, 0], [0, 1, 0], [0, 0, 1]) translate([19.61, 13.51, 0]) hole(1.26, 10.34);  // +Y 50.256
	face([0, 0, 22.27], [1, 0, 0], [0, 1, 0], [0, 0, 1]) translate([28.41, 6.42, 0]) hole(0.71, 8.28);  // +Y 12.778
}
