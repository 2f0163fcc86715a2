// cad-064-bar: bar stock (sharp edges), label +Y
// features: +Y pocket; +Y countersink; +Y rounded pocket; +Y slot; +Y counterbore through; +Y 6 holes; +Y slot; -Z hole
// removed mm^3: px=0.000 mx=0.000 py=45.368 my=0.000 pz=0.000 mz=0.555
// margin: label blind 42.597 >= 1.50 x 2.771 (through holes counted for both sides)
// written by eval/cad/recipes.py (seed 17); built by eval/cad/eval.mk
include <../lib.scad>
$fn = 28;
place([35.01, 62.66, -51.50], [[1, 0, 0], [0, 0, 1], [0, -1, 0]])
part() {
	box([25.18, 7.65, 5.27]);
	face([0, 0, 5.27], [1, 0, 0], [0, 1, 0], [0, 0, 1]) translate([10.50, 4.77, 0]) pocket(2.15, 2.75, 0.00, 3.26);  // +Y 19.275
	face([0, 0, 5.27], [1, 0, 0], [0, 1, 0], [0, 0, 1]) translate([2.83, 1.65, 0]) csink(1.00, 0.52, 0.48, 2.35);  // +Y 2.468
	face([0, 0, 5.27], [1, 0, 0], [0, 1, 0], [0, 0, 1]) translate([3.20, 5.54, 0]) pocket(4.37, 1.87, 0.16, 1.01);  // +Y 8.231
	face([0, 0, 5.27], [1, 0, 0], [0, 1, 0], [0, 0, 1]) translate([20.37, 3.26, 0]) slot(2.23, 0.44, 1.38);  // +Y 3.540
	face([0, 0, 5.27], [1, 0, 0], [0, 1, 0], [0, 0, 1]) translate([15.60, 3.08, 0]) cbore(0.62, 1.41, 0.30, 5.29);  // +Y 2.771
	face([0, 0, 5.27], [1, 0, 0], [0, 1, 0], [0, 0, 1]) translate([6.64, 4.63, 0]) { translate([-0.46, -1.25, 0]) hole(0.29, 2.92); translate([-0.46, 0.00, 0]) hole(0.29, 2.92); translate([-0.46, 1.25, 0]) hole(0.29, 2.92); translate([0.46, -1.25, 0]) hole(0.29, 2.92); translate([0.46, 0.00, 0]) hole(0.29, 2.92); translate([0.46, 1.25, 0]) hole(0.29, 2.92); };  // +Y 4.590
	face([0, 0, 5.27], [1, 0, 0], [0, 1, 0], [0, 0, 1]) translate([13.83, 4.78, 0]) slot(2.73, 0.51, 1.25);  // +Y 4.494
	face([0, 7.65, 5.27], [1, 0, 0], [0, 0, -1], [0, 1, 0]) translate([22.49, 2.94, 0]) hole(0.30, 1.98);  // -Z 0.555
}
