// cad-106-stepped: stepped stock (sharp edges), label -X
// features: -X slot; -X pocket; -X counterbore; -X rounded pocket; -X rounded pocket
// removed mm^3: px=0.000 mx=1285.003 py=0.000 my=0.000 pz=0.000 mz=0.000
// margin: label blind 1285.003 >= 1.50 x 0.000 (through holes counted for both sides)
// written by eval/cad/recipes.py (seed 17); built by eval/cad/eval.mk
include <../lib.scad>
$fn = 20;
place([-88.85, -57.75, -8.67], [[0, 0, -1], [0, -1, 0], [-1, 0, 0]])
part() {
	stepped([73.55, 46.75, 39.48], 21.68, 24.86, 33.63, 15.68);
	face([0, 0, 24.86], [1, 0, 0], [0, 1, 0], [0, 0, 1]) translate([59.54, 26.53, 0]) slot(3.77, 0.97, 9.13);  // -X 93.321
	face([0, 0, 24.86], [1, 0, 0], [0, 1, 0], [0, 0, 1]) translate([45.41, 26.35, 0]) pocket(5.17, 8.23, 0.00, 9.88);  // -X 420.385
	face([0, 0, 24.86], [1, 0, 0], [0, 1, 0], [0, 0, 1]) translate([38.30, 27.90, 0]) cbore(1.70, 0.60, 0.79, 3.87);  // -X 11.665
	face([0, 0, 24.86], [1, 0, 0], [0, 1, 0], [0, 0, 1]) translate([17.39, 28.37, 0]) pocket(3.92, 4.28, 1.56, 15.16);  // -X 220.782
	face([0, 0, 24.86], [1, 0, 0], [0, 1, 0], [0, 0, 1]) translate([24.23, 26.34, 0]) pocket(7.13, 7.49, 2.74, 11.57);  // -X 538.850
}
