// cad-006-box: box stock (sharp edges), label -Y
// features: -Y pocket; -Y counterbore; -Y hole through; -Z pocket in pocket; +Y pocket
// removed mm^3: px=0.000 mx=0.000 py=11437.496 my=394158.695 pz=0.000 mz=37389.638
// margin: label blind 309469.340 >= 1.50 x 96126.850 (through holes counted for both sides)
// written by eval/cad/recipes.py (seed 17); built by eval/cad/eval.mk
include <../lib.scad>
$fn = 16;
place([128.16, -0.42, -23.64], [[0, 1, 0], [0, 0, -1], [-1, 0, 0]])
part() {
	box([267.43, 120.62, 142.97]);
	face([0, 0, 142.97], [1, 0, 0], [0, 1, 0], [0, 0, 1]) translate([155.21, 75.93, 0]) pocket(97.11, 70.10, 0.00, 43.78);  // -Y 298028.454
	face([0, 0, 142.97], [1, 0, 0], [0, 1, 0], [0, 0, 1]) translate([237.97, 28.41, 0]) cbore(11.10, 17.96, 5.26, 73.05);  // -Y 11440.887
	face([0, 0, 142.97], [1, 0, 0], [0, 1, 0], [0, 0, 1]) translate([202.87, 19.65, 0]) hole(13.91, 142.99);  // -Y 84689.355
	face([267.43, 0, 0], [0, 1, 0], [0, 0, 1], [1, 0, 0]) translate([92.97, 37.09, 0]) pocket2(24.96, 39.08, 7.26, 31.64, 10.56, 17.38, 2.22, 45.23, -0.77, -2.91);  // -Z 37389.638
	face([0, 120.62, 0], [1, 0, 0], [0, -1, 0], [0, 0, -1]) translate([49.45, 105.80, 0]) pocket(18.06, 19.11, 0.00, 33.14);  // +Y 11437.496
}
