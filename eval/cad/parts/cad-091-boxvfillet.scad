// cad-091-boxvfillet: box_vfillet stock (vfillet edges), label -X
// features: -X hole through; -X 8 holes; -X 4 holes; -X pocket in pocket; -X countersink; +Z pocket in pocket; +Y pocket; -Y counterbore
// removed mm^3: px=0.000 mx=44160.395 py=3693.476 my=350.582 pz=6400.156 mz=0.000
// margin: label blind 31784.545 >= 1.50 x 12375.850 (through holes counted for both sides)
// written by eval/cad/recipes.py (seed 17); built by eval/cad/eval.mk
include <../lib.scad>
$fn = 40;
place([76.06, -150.15, -58.50], [[0, 0, -1], [0, 1, 0], [1, 0, 0]])
part() {
	box_vfillet([89.60, 97.65, 160.14], 7.20);
	face([0, 0, 160.14], [1, 0, 0], [0, 1, 0], [0, 0, 1]) translate([40.33, 54.23, 0]) hole(4.97, 160.16);  // -X 12375.850
	face([0, 0, 160.14], [1, 0, 0], [0, 1, 0], [0, 0, 1]) translate([22.53, 37.79, 0]) { translate([-4.88, -19.48, 0]) hole(2.89, 29.71); translate([-4.88, -6.49, 0]) hole(2.89, 29.71); translate([-4.88, 6.49, 0]) hole(2.89, 29.71); translate([-4.88, 19.48, 0]) hole(2.89, 29.71); translate([4.88, -19.48, 0]) hole(2.89, 29.71); translate([4.88, -6.49, 0]) hole(2.89, 29.71); translate([4.88, 6.49, 0]) hole(2.89, 29.71); translate([4.88, 19.48, 0]) hole(2.89, 29.71); };  // -X 6210.846
	face([0, 0, 160.14], [1, 0, 0], [0, 1, 0], [0, 0, 1]) translate([47.31, 66.84, 0]) { translate([-21.27, 0.00, 0]) hole(4.17, 51.73); translate([-7.09, 0.00, 0]) hole(4.17, 51.73); translate([7.09, 0.00, 0]) hole(4.17, 51.73); translate([21.27, 0.00, 0]) hole(4.17, 51.73); };  // -X 11257.372
	face([0, 0, 160.14], [1, 0, 0], [0, 1, 0], [0, 0, 1]) translate([66.57, 33.79, 0]) pocket2(13.84, 31.17, 3.29, 12.07, 4.60, 11.09, 1.81, 12.88, 2.05, -1.97);  // -X 5713.371
	face([0, 0, 160.14], [1, 0, 0], [0, 1, 0], [0, 0, 1]) translate([46.53, 30.88, 0]) csink(11.03, 5.71, 5.32, 77.84);  // -X 8602.955
	face([89.60, 0, 0], [0, 1, 0], [0, 0, 1], [1, 0, 0]) translate([44.00, 77.34, 0]) pocket2(23.70, 16.72, 0.41, 14.57, 9.74, 5.62, 0.15, 11.49, 2.62, 2.12);  // +Z 6400.156
	face([0, 97.65, 160.14], [1, 0, 0], [0, 0, -1], [0, 1, 0]) translate([31.01, 114.67, 0]) pocket(15.15, 8.94, 0.00, 27.27);  // +Y 3693.476
	face([0, 0, 0], [1, 0, 0], [0, 0, 1], [0, -1, 0]) translate([36.06, 39.33, 0]) cbore(3.33, 5.08, 1.67, 25.06);  // -Y 350.582
}
