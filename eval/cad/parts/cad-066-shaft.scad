// cad-066-shaft: shaft stock (turned edges), label -X
// features: -X circular pocket; -X circular pocket; -X slot; -X circular pocket; -X hole; +X pocket; +X pocket; +X counterbore
// removed mm^3: px=12.869 mx=154.612 py=0.000 my=0.000 pz=0.000 mz=0.000
// margin: label blind 154.612 >= 1.50 x 12.869 (through holes counted for both sides)
// written by eval/cad/recipes.py (seed 17); built by eval/cad/eval.mk
include <../lib.scad>
$fn = 28;
place([165.58, 191.30, 28.33], [[0, 0, -1], [0, 1, 0], [1, 0, 0]])
part() {
	shaft_z([[3.99, 8.72], [5.36, 13.30], [9.34, 5.52]]);
	face([0, 0, 27.54], [1, 0, 0], [0, 1, 0], [0, 0, 1]) translate([4.46, 2.60, 0]) hole(2.04, 3.00);  // -X 38.894
	face([0, 0, 27.54], [1, 0, 0], [0, 1, 0], [0, 0, 1]) translate([-1.92, 0.76, 0]) hole(2.49, 2.62);  // -X 50.606
	face([0, 0, 27.54], [1, 0, 0], [0, 1, 0], [0, 0, 1]) translate([-0.61, -5.66, 0]) slot(4.15, 1.22, 3.17);  // -X 46.798
	face([0, 0, 27.54], [1, 0, 0], [0, 1, 0], [0, 0, 1]) translate([5.07, -3.35, 0]) hole(1.63, 1.97);  // -X 16.306
	face([0, 0, 27.54], [1, 0, 0], [0, 1, 0], [0, 0, 1]) translate([-4.35, 5.35, 0]) hole(0.66, 1.48);  // -X 2.008
	face([0, 0, 0], [1, 0, 0], [0, -1, 0], [0, 0, -1]) translate([0.36, 1.30, 0]) pocket(2.12, 1.70, 0.00, 2.47);  // +X 8.902
	face([0, 0, 0], [1, 0, 0], [0, -1, 0], [0, 0, -1]) translate([-0.33, -1.55, 0]) pocket(1.59, 0.85, 0.00, 2.60);  // +X 3.514
	face([0, 0, 0], [1, 0, 0], [0, -1, 0], [0, 0, -1]) translate([0.62, -2.87, 0]) cbore(0.39, 0.41, 0.23, 1.98);  // +X 0.453
}
