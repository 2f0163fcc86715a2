// cad-132-plate: plate stock (sharp edges), label -Y
// features: -Y 9 holes; -Y step; -Z hole; +Y pocket in pocket
// removed mm^3: px=0.000 mx=0.000 py=933.923 my=11456.502 pz=0.000 mz=55.972
// margin: label blind 11456.502 >= 1.50 x 933.923 (through holes counted for both sides)
// written by eval/cad/recipes.py (seed 17); built by eval/cad/eval.mk
include <../lib.scad>
$fn = 40;
place([-161.18, -27.78, 89.86], [[0, 1, 0], [0, 0, -1], [-1, 0, 0]])
part() {
	box([98.04, 94.34, 10.48]);
	face([0, 0, 10.48], [1, 0, 0], [0, 1, 0], [0, 0, 1]) translate([36.91, 57.18, 0]) { translate([-22.79, -14.57, 0]) hole(3.16, 2.68); translate([-22.79, 0.00, 0]) hole(3.16, 2.68); translate([-22.79, 14.57, 0]) hole(3.16, 2.68); translate([0.00, -14.57, 0]) hole(3.16, 2.68); translate([0.00, 0.00, 0]) hole(3.16, 2.68); translate([0.00, 14.57, 0]) hole(3.16, 2.68); translate([22.79, -14.57, 0]) hole(3.16, 2.68); translate([22.79, 0.00, 0]) hole(3.16, 2.68); translate([22.79, 14.57, 0]) hole(3.16, 2.68); };  // -Y 753.553
	face([0, 0, 10.48], [1, 0, 0], [0, 1, 0], [0, 0, 1]) translate([49.02, 8.89, 0]) translate([0, -0.50, 0]) step(100.04, 18.78, 6.14);  // -Y 10702.948
	face([98.04, 0, 0], [0, 1, 0], [0, 0, 1], [1, 0, 0]) translate([81.99, 2.86, 0]) hole(1.00, 17.89);  // -Z 55.972
	face([0, 94.34, 0], [1, 0, 0], [0, -1, 0], [0, 0, -1]) translate([39.36, 36.84, 0]) pocket2(25.02, 20.20, 1.95, 1.56, 12.05, 11.70, 3.57, 1.16, 3.45, 2.24);  // +Y 933.923
}
