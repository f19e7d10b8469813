// Common US given names across generations and communities; a gazetteer, not an exhaustive list.
const NAMES = `
Aaliyah Aaron Abby Abdul Abdullah Abe Abel Abigail Abraham Ada Adam Addison Adelaide Adeline Adrian
Adriana Agnes Ahmad Ahmed Aidan Aiden Aisha Alan Albert Alberto Alejandra Alejandro Alex Alexa
Alexander Alexandra Alexis Alfonso Alfred Alfredo Ali Alice Alicia Alina Alison Allan Allen Allison
Alma Alonzo Alvin Alyssa Amanda Amani Amara Amelia Amir Amira Amos Amy Ana Anastasia Andre Andrea
Andres Andrew Andy Angela Angelica Angelina Angie Anita Ann Anna Annabelle Anne Annette Annie Anthony
Antoine Antonio Anya Apollo Archer Archie Aria Ariana Ariel Arjun Arlene Armando Arnold Arthur Arturo
Asher Ashley Ashton Astrid Audrey Austin Ava Avery Axel Ayden Bailey Barbara Barry Beatrice Beatriz
Becky Belinda Bella Ben Benjamin Bennett Benny Bernadette Bernard Bernice Bertha Beth Bethany Betsy
Betty Beverly Bianca Billy Blake Bobby Bonnie Boris Brad Bradley Brady Brandon Brenda Brendan Brent
Brett Brian Brianna Bridget Brittany Brooke Brooklyn Bruce Bruno Bryan Bryce Caleb Calvin Cameron
Camila Camille Candace Carl Carla Carlos Carlton Carmen Carol Carolina Caroline Carolyn Carrie Carson
Carter Casey Cassandra Catalina Catherine Cathy Cecilia Cedric Celeste Celia Cesar Chad Charlene
Charles Charlie Charlotte Chelsea Cheryl Chloe Chris Christina Christine Christopher Chuck Cindy
Claire Clara Clarence Claudia Clayton Clifford Clint Clyde Cody Colin Colleen Connie Connor Conrad
Cora Corey Craig Cristina Crystal Curtis Cynthia Daisy Dale Dallas Dalton Damian Damon Dan Dana
Daniel Daniela Danielle Danny Dante Daphne Darius Darlene Darnell Darrell Darren Daryl Dave David
Dawn Dean Deanna Debbie Deborah Debra Declan Dee Deirdre Delia Delores Demetrius Denise Dennis Derek
Derrick Desiree Destiny Devin Devon Dexter Diana Diane Diego Dina Dolores Dominic Dominique Don Donald
Donna Donovan Doris Dorothy Doug Douglas Duane Dustin Dwayne Dwight Dylan Earl Easton Ebony Eddie
Edgar Edith Edna Eduardo Edward Edwin Eileen Elaine Eleanor Elena Eli Elias Elijah Elisa Elise Eliza
Elizabeth Ella Ellen Ellie Elliot Elliott Ellis Eloise Elsa Elsie Elena Emanuel Emerson Emery Emilia
Emilio Emily Emma Emmanuel Emmett Enrique Eric Erica Erik Erika Erin Ernest Ernesto Esmeralda
Esperanza Esther Ethan Ethel Eugene Eva Evan Evelyn Everett Ezekiel Ezra Fabian Fatima Felicia Felipe
Felix Fernando Fiona Florence Floyd Frances Francesca Francis Francisco Frank Frankie Franklin Fred
Freddie Frederick Gabriel Gabriela Gabriella Gabrielle Gail Gary Gavin Gemma Gene Genevieve Geoffrey
George Georgia Gerald Geraldine Gerardo Gertrude Gianna Gilbert Gina Giovanni Gladys Glen Glenda Glenn
Gloria Gordon Grace Gracie Graham Grant Greg Gregory Greta Griffin Guadalupe Gustavo Gwen Gwendolyn
Hailey Hakeem Haley Hank Hannah Harold Harper Harriet Harrison Harry Harvey Hassan Hazel Heather
Hector Heidi Helen Helena Henry Herbert Herman Hilda Holly Howard Hudson Hugh Hugo Hunter Ian Ibrahim
Ida Imani Imani Ines Ingrid Irene Iris Irma Isaac Isabel Isabella Isabelle Isaiah Isla Ismael Ivan
Ivy Jack Jackie Jackson Jacob Jacqueline Jade Jaden Jaime Jake Jamal Jamar James Jamie Jan Jane Janet
Janice Jared Jasmine Jason Javier Jaxon Jay Jayden Jayla Jean Jeanette Jeanne Jeff Jeffrey Jenna
Jennifer Jenny Jeremiah Jeremy Jerome Jerry Jesse Jessica Jessie Jesus Jill Jim Jimmy Jo Joan Joanna
Joanne Jocelyn Joe Joel Joey John Johnny Jon Jonah Jonathan Jordan Jorge Jose Josefina Joseph Josephine
Josh Joshua Josiah Joy Joyce Juan Juanita Judith Judy Julia Julian Juliana Julie Julio June Justin
Kai Kaitlyn Kara Kareem Karen Karina Karl Kate Katelyn Katherine Kathleen Kathryn Kathy Katie Katrina
Kay Kayla Kaylee Keisha Keith Kelly Kelsey Ken Kendall Kendra Kenneth Kenny Kevin Khalil Kiara Kim
Kimberly Kirk Kristen Kristin Kristina Kurt Kyle Kylie Lakisha Lamar Lana Lance Larry Latasha Latoya
Laura Lauren Laurie Layla Leah Lee Leila Lena Leo Leon Leonard Leonardo Leroy Leslie Lester Levi Lewis
Liam Lila Lillian Lily Linda Lindsay Lindsey Lionel Lisa Lizzie Lloyd Logan Lois Lola Lonnie Lora
Lorena Lorenzo Loretta Lori Lorraine Louis Louise Lucas Lucia Luciana Lucille Lucy Luis Luke Luna
Lydia Lyla Lynn Mabel Mackenzie Madeline Madelyn Madison Mae Maggie Malcolm Malik Mandy Manuel Marcia
Marco Marcos Marcus Margaret Margarita Maria Mariah Mariana Marie Marilyn Mario Marion Marisol Marissa
Marjorie Mark Marlene Marshall Martha Martin Marvin Mary Mason Mateo Matilda Matthew Maureen Maurice
Max Maxine Maxwell Maya Megan Melanie Melissa Melody Melvin Mercedes Meredith Mia Micah Michael
Michaela Michelle Miguel Mike Mila Mildred Miles Milo Mindy Miranda Miriam Misty Mitchell Mohamed
Mohammed Molly Monica Monique Morgan Muhammad Mya Myra Myrtle Nadia Nancy Naomi Natalia Natalie Nataly
Natasha Nathan Nathaniel Neil Nelson Nia Nicholas Nick Nicole Nikhil Nikki Nina Noah Noel Noelle Nolan
Nora Norma Norman Oliver Olivia Omar Oscar Owen Pablo Paige Pamela Parker Pat Patricia Patrick Patsy
Paul Paula Pauline Pedro Peggy Penelope Penny Percy Perry Pete Peter Peyton Philip Phillip Phoebe
Phyllis Preston Priscilla Priya Quentin Quinn Rachel Rafael Rahul Ralph Ramon Ramona Randall Randy
Raquel Rashad Raul Ray Raymond Reagan Rebecca Reggie Regina Reginald Renee Rhonda Ricardo Richard Rick
Ricky Riley Rita Rob Robert Roberta Roberto Robin Rocco Rodney Roger Roland Roman Ron Ronald Ronnie
Rosa Rosalind Rosalie Rose Rosemary Ross Roxanne Roy Ruben Ruby Rudy Russell Ruth Ryan Sabrina Sadie
Sally Salvador Sam Samantha Samir Samuel Sandra Sandy Santiago Sara Sarah Sasha Savannah Scarlett
Scott Sean Sebastian Selena Serena Sergio Seth Shane Shannon Shanice Sharon Shawn Sheila Shelby
Shelley Sherry Shirley Sidney Sienna Silas Simon Simone Sofia Sonia Sophia Sophie Stacy Stanley
Stella Stephanie Stephen Steve Steven Stuart Sue Susan Suzanne Sydney Sylvia Tamara Tammy Tanya Tara
Tasha Taylor Teresa Terrance Terrell Terrence Terri Terry Thelma Theo Theodore Theresa Thomas Tiffany
Tim Timothy Tina Toby Todd Tom Tommy Toni Tony Tracy Travis Trevor Trinity Troy Tyler Tyrone Uriel
Valentina Valerie Vanessa Vera Veronica Vicki Victor Victoria Vincent Viola Violet Virginia Vivian
Wade Walter Wanda Warren Wayne Wendy Wesley Whitney Willa William Willie Wilma Xavier Yasmin Yolanda
Yusuf Yvette Yvonne Zachary Zane Zara Zion Zoe Zoey
Aditi Anjali Arun Deepak Divya Kiran Lakshmi Meera Neha Pooja Rajesh Ravi Rohan Sanjay Sunil Vikram
Chen Hui Jia Jin Li Mei Ming Wei Xin Yan Ying Hiroshi Haruto Kenji Yuki Akira Hana Min Jun Seo Ji
Thanh Linh Minh Anh Tuan Duc Nguyet
Adebayo Amina Chidi Chinwe Femi Kwame Kofi Nneka Oluwaseun Tunde Zainab Yaw Ama Efua Abena
Oliver Theodore Levi Mason Sebastian Asher Wyatt Hudson Grayson Ezra Jayden Luca Maverick Elias Josiah
Ezekiel Isaiah Adrian Santiago Waylon Easton Landon Colton Axel Jameson Greyson Weston Beau Connor
Dominic Jaxson Jace Declan Rowan Micah Kayden Gael Damian Kingston Zach Zack Ayden Tristan Brayden
Bryson Cole Gavin Ryder Camden Bentley Zane Finn Jasper Enzo Rhett Ronan Arlo Kieran Jude Emiliano
Rafael Malachi Kaiden Jaden Dean Elliot Maddox Hayden Brody Ryker Jett Tate Reid Corbin Kendrick Jamari
Jalen Tyson Kobe Marquis Deandre Amari Kyrie Kaleb Nash Hugo Griffin Cody Trevor Devin Dustin Brent
Luna Harper Camila Scarlett Eliana Emilia Paisley Addison Everly Delilah Leilani Kinsley Genesis Aubrey
Emery Eloise Skylar Adeline Nevaeh Liliana Ayla Everleigh Raelynn Maeve Rylee Hadley Ximena Kaylee Arianna
Brielle Alina Emersyn Jordyn Makayla Jada Aniyah Ayanna Tatiana Yesenia Lupe Luz Maribel Rocio Itzel
Dulce Araceli Leticia Hanna Freya Signe Saanvi Ananya Aarav Vihaan Ishaan Reyansh Aanya Diya Layan Noor
Maryam Yara Zayn Zayd Tariq Khalid Hamza Jaylen Mckenzie Ciara Courtney Kelsey Makenzie Kennedi Londyn
Aaliyah Deshawn Jalen Jaylen Kiara Laquisha Malia Shaniqua Tamika Tyrese DeAndre Keshawn Latrice Precious
`;

/** Names that are also ordinary words or places: they need a title, a surname or a tight clinical predicate. */
export const AMBIGUOUS_GIVEN_NAMES = new Set(
  `April August Austin Carol Chase Christian Crystal Dallas Dawn Destiny Faith Frank Georgia Gene Grace
  Harrison Holly Hope Hunter Iris Ivy Jade Jordan Joy June Lee Madison Marion Mark Max May Miles
  Parker Pat Penny Precious Ray Rose Ruby Sandy Sunny Taylor Trinity Violet Virginia Will Wade Jan Kay
  Jin Li Ji Min Jun Seo Yan Mae Dee Jo Sue Lynn Art Bill Rob Don Dale Glen Cash Ace Atlas Nova Aurora
  Autumn Genesis Serenity Melody Willow Piper Brooks Cooper Knox Reagan Kennedy Lincoln Brooklyn Sawyer
  Archer Tucker Tanner Summer Journey Harmony River Sky Storm`
    .split(/\s+/)
    .filter(Boolean),
);

export const GIVEN_NAMES = new Set([
  ...NAMES.split(/\s+/).filter(Boolean),
  ...AMBIGUOUS_GIVEN_NAMES,
]);
