// cad-052-box: box stock (sharp edges), label -X
// features: -X pocket in pocket; -X circular pocket; -X hole; -Z circular pocket
// removed mm^3: px=0.000 mx=7205.263 py=0.000 my=0.000 pz=0.000 mz=225.099
// margin: label blind 7205.263 >= 1.50 x 225.099 (through holes counted for both sides)
// written by eval/cad/recipes.py (seed 17); built by eval/cad/eval.mk
include <../lib.scad>
$fn = 40;
place([-22.83, 121.86, 44.55], [[0, 0, -1], [-1, 0, 0], [0, 1, 0]])
part() {
	box([37.73, 85.65, 75.93]);
	face([0, 0, 75.93], [1, 0, 0], [0, 1, 0], [0, 0, 1]) translate([16.65, 14.51, 0]) pocket2(8.69, 8.61, 1.43, 3.93, 2.92, 3.87, 0.82, 6.49, 0.65, -0.39);  // -X 356.581
	face([0, 0, 75.93], [1, 0, 0], [0, 1, 0], [0, 0, 1]) translate([23.99, 30.85, 0]) hole(8.46, 24.88);  // -X 5571.261
	face([0, 0, 75.93], [1, 0, 0], [0, 1, 0], [0, 0, 1]) translate([18.43, 52.55, 0]) hole(3.50, 33.33);  // -X 1277.420
	face([0, 0, 0], [1, 0, 0], [0, 0, 1], [0, -1, 0]) translate([20.61, 49.04, 0]) hole(2.05, 17.12);  // -Z 225.099
}
